/**
 * The player: reads the course data from the page, restores the learner's state through the
 * tracker, and wires navigation, knowledge checks, quizzes, progress and the summary. It talks to
 * the LMS only through the Tracker interface.
 */
import { type CourseData, progressBits } from "../../shared/course-data.js";
import { emptyLearnerState, type LearnerState } from "../../shared/learner.js";
import { bindBlocks } from "../blocks/index.js";
import { bindKnowledgeChecks } from "../quiz/check.js";
import { QuizController } from "../quiz/quiz.js";
import type { Tracker } from "../tracking/tracker.js";
import { $, $$ } from "./dom.js";
import { type PageLocks, pageLocks } from "./locks.js";
import { Navigator } from "./navigation.js";
import { Notices } from "./notices.js";
import { preparePrint } from "./print.js";
import { renderProgress } from "./progress.js";
import { courseStatus, quizPassMark } from "./status.js";
import { translator } from "./strings.js";
import { renderSummary } from "./summary.js";

export const SUMMARY_PAGE = "summary";

export function readCourseData(): CourseData {
  const script = document.getElementById("course-data");
  return JSON.parse(script?.textContent ?? "{}") as CourseData;
}

/** Drops anything the current course no longer has, so an edited course never breaks a resume. */
export function sanitizeState(saved: LearnerState | undefined, course: CourseData): LearnerState {
  const first = course.pages[0]?.id ?? SUMMARY_PAGE;
  if (!saved) return emptyLearnerState(first);
  const pages = new Set(course.pages.map((p) => p.id));
  const quizzes: LearnerState["quizzes"] = {};
  for (const [id, attempt] of Object.entries(saved.quizzes)) {
    const quiz = course.quizzes[id];
    if (!quiz) continue;
    const known = new Set(quiz.banks.flatMap((b) => b.questions));
    const drawn = attempt.drawn.filter((q) => known.has(q));
    // An attempt in progress whose questions vanished starts over; finished results are kept.
    if (!attempt.submitted && drawn.length !== attempt.drawn.length) {
      if (attempt.best !== undefined)
        quizzes[id] = { ...attempt, drawn: [], answers: {}, orders: {}, submitted: true, score: attempt.best };
      continue;
    }
    quizzes[id] = {
      ...attempt,
      drawn,
      answers: Object.fromEntries(Object.entries(attempt.answers).filter(([q]) => known.has(q))),
      orders: Object.fromEntries(Object.entries(attempt.orders).filter(([q]) => known.has(q))),
    };
  }
  return {
    page: pages.has(saved.page) || saved.page === SUMMARY_PAGE ? saved.page : first,
    viewed: saved.viewed.filter((id) => pages.has(id)),
    quizzes,
    checks: Object.fromEntries(
      Object.entries(saved.checks).filter(([q]) => course.questions[q] && !course.questions[q]!.graded),
    ),
    completed: saved.completed,
    blocks: sanitizeBlocks(saved.blocks ?? {}, course),
  };
}

/** Keeps the progress of blocks the course still has, of the same kind, within their current size. */
function sanitizeBlocks(saved: NonNullable<LearnerState["blocks"]>, course: CourseData): LearnerState["blocks"] {
  const kept: NonNullable<LearnerState["blocks"]> = {};
  for (const [id, state] of Object.entries(saved)) {
    const block = course.blocks[id];
    if (!block) continue;
    const bits = progressBits(block);
    if (block.kind === "scenario" && state.kind === "scenario")
      kept[id] = block.nodes[state.at] ? state : { ...state, at: 0 };
    else if (bits !== undefined && state.kind === "seen")
      kept[id] = { kind: "seen", seen: (state.seen & (2 ** bits - 1)) >>> 0 };
  }
  return kept;
}

export async function startPlayer(tracker: Tracker): Promise<void> {
  const course = readCourseData();
  const t = translator(course.strings);
  const notices = new Notices($(".notices"), t);
  const launch = await tracker.start(course, (notice) => notices.show(notice));
  const state = sanitizeState(launch.state, course);
  if (launch.mode !== "normal") notices.show("review");
  else if (launch.state && state.viewed.length > 0) notices.show("resumed");

  const passMark = (quiz: CourseData["quizzes"][string]) => quizPassMark(quiz, launch.masteryScore);
  let locks: PageLocks = new Map();
  /** Redraws what depends on the learner state; returns the course status. */
  const render = () => {
    const status = courseStatus(course, state, launch.masteryScore);
    if (status.completed) state.completed = true;
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
  const navigator = new Navigator(
    order,
    course.title,
    (id) => {
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
      Object.assign(state, emptyLearnerState(order[0]!), { completed: state.completed });
      for (const quiz of quizzes.values()) quiz.reset();
      resetChecks();
      blocks.render();
      changed();
      navigator.show(order[0]!, true);
    }
  });

  render();
  preparePrint(course, t);
  navigator.show(state.page, false);
  shown = true;
  document.documentElement.classList.add("cp-ready");
  // The benchmark reads this mark: the first page is shown and every control is wired.
  performance.mark("coursepack-interactive");
}
