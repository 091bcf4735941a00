/**
 * The player: reads the course data from the page, restores the learner's state through the
 * tracker, and wires navigation, knowledge checks, quizzes, progress and the summary. It talks to
 * the LMS only through the Tracker interface.
 */
import type { CourseData } from "../../shared/course-data.js";
import { emptyLearnerState } from "../../shared/learner.js";
import { bindBlocks } from "../blocks/index.js";
import { bindKnowledgeChecks } from "../quiz/check.js";
import { QuizController } from "../quiz/quiz.js";
import type { Tracker } from "../tracking/tracker.js";
import { $, $$ } from "./dom.js";
import { type PageLocks, pageLocks } from "./locks.js";
import { Navigator } from "./navigation.js";
import { Notices } from "./notices.js";
import type { PageAddresses } from "./page-addresses.js";
import { preparePrint } from "./print.js";
import { renderProgress } from "./progress.js";
import { resumeFrom, stampKeys, SUMMARY_PAGE } from "./reconcile.js";
import { courseStatus, quizPassMark } from "./status.js";
import { translator } from "./strings.js";
import { renderSummary } from "./summary.js";

export function readCourseData(): CourseData {
  const script = document.getElementById("course-data");
  return JSON.parse(script?.textContent ?? "{}") as CourseData;
}

export interface PlayerOptions {
  /** Page addresses and Back/Forward between pages (page-addresses.ts): the web package only. */
  pageAddresses?: PageAddresses;
}

export async function startPlayer(tracker: Tracker, options: PlayerOptions = {}): Promise<void> {
  const course = readCourseData();
  const t = translator(course.strings);
  const notices = new Notices($(".notices"), t);
  const launch = await tracker.start(course, (notice) => notices.show(notice));
  const { state, notice } = resumeFrom(launch.saved, launch.bookmark, course);
  if (launch.mode !== "normal") notices.show("review");
  if (notice && (notice !== "resumed" || launch.mode === "normal")) notices.show(notice);

  const passMark = (quiz: CourseData["quizzes"][string]) => quizPassMark(quiz, launch.masteryScore);
  let locks: PageLocks = new Map();
  /** Redraws what depends on the learner state; returns the course status. */
  const render = () => {
    const status = courseStatus(course, state, launch.masteryScore);
    if (status.completed) state.completed = true;
    if (status.passed) state.passedWith = Math.max(state.passedWith ?? 0, status.score ?? 0);
    stampKeys(state, course);
    locks = pageLocks(course, state, status);
    renderProgress(course, state, status, locks, t);
    renderSummary(course, state, status, t);
    return status;
  };
  const changed = () => tracker.update(render(), state);

  const quizzes = new Map<string, QuizController>();
  for (const section of $$("section.page[data-quiz]")) {
    const quiz = course.quizzes[section.dataset.quiz ?? ""];
    if (!quiz) continue;
    quizzes.set(
      quiz.id,
      new QuizController(section, quiz, {
        course,
        t,
        state,
        passMark,
        changed,
        answered: (answer) => tracker.answered(answer),
      }),
    );
  }
  const resetChecks = bindKnowledgeChecks(course, state, t, changed);
  const blocks = bindBlocks({
    course,
    state,
    t,
    changed,
    answered: (answer) => tracker.answered(answer),
    report: (event) => tracker.blockEvent(event),
  });

  const order = [...course.pages.map((p) => p.id), SUMMARY_PAGE];
  const titles = new Map(course.pages.map((p) => [p.id, p.title]));
  let shown = false;
  let addressed: ((id: string) => void) | undefined;
  const navigator = new Navigator(
    order,
    course.title,
    (id) => {
      addressed?.(id);
      // "Welcome back" greets the resumed page; it has said its piece once the learner moves on.
      if (shown && id !== state.page) notices.remove("resumed");
      state.page = id;
      const page = course.pages.find((p) => p.id === id);
      if (page && !state.viewed.includes(id)) {
        state.viewed.push(id);
        tracker.pageViewed(page);
      }
      quizzes.get(id)?.enter();
      blocks.shown(id);
      changed();
    },
    (id) => {
      const lock = locks.get(id);
      return (
        lock && {
          reason: t(lock.reason === "sequential" ? "lockedSequential" : "lockedQuiz"),
          pages: lock.waitingFor.map((p) => ({ id: p.id, title: titles.get(p.id) ?? p.id })),
        }
      );
    },
  );

  document.addEventListener("click", (event) => {
    const action = (event.target as HTMLElement).closest<HTMLElement>("[data-action]")?.dataset.action;
    if (action === "exit") void tracker.exit();
    if (action === "restart" && window.confirm(t("restartConfirm"))) {
      // Start over in place: a reload would end an LMS session that cannot be reopened.
      // Results already achieved stay: completion and a passed score are never taken back.
      const { completed, passedWith } = state;
      Object.assign(state, emptyLearnerState(order[0]!), { completed, passedWith });
      for (const quiz of quizzes.values()) quiz.reset();
      resetChecks();
      blocks.render();
      changed();
      navigator.show(order[0]!, true);
    }
  });

  render();
  preparePrint(course, t);
  // A page's own address wins over the saved bookmark: it is what the learner opened.
  const opened = options.pageAddresses?.opened(order);
  addressed = options.pageAddresses?.follow(order, (id) => navigator.show(id, true));
  navigator.show(opened ?? state.page, false);
  shown = true;
  document.documentElement.classList.add("cp-ready");
  // The benchmark reads this mark: the first page is shown and every control is wired.
  performance.mark("coursepack-interactive");
}
