/**
 * What an LMS would show for one registration, from the statements its LRS accepted and the
 * State API documents: completed, the last passed/failed judgement and its score, and for cmi5
 * whether moveOn is satisfied (§10). The preview's debug panel shows it as the xAPI "data model".
 */
import type { XapiSummary } from "../../protocol.js";
import { VERBS } from "../../../shared/xapi-vocabulary.js";
import { moveOnSatisfied, verbOf, type MoveOn } from "./cmi5.js";
import type { LocalLms } from "./local-lms.js";

export interface SummaryScope {
  registration: string;
  /** The activity whose status counts: the course (Tin Can) or the LMS's AU id (cmi5). */
  activityId: string;
  actor: object;
  /** cmi5 only. */
  moveOn?: MoveOn | undefined;
}

export function summarize(lms: LocalLms, scope: SummaryScope): XapiSummary {
  const ofRegistration = (s: Record<string, unknown>) =>
    (s.context as { registration?: string } | undefined)?.registration === scope.registration;
  const accepted = lms.accepted(scope.registration);
  const about = accepted.filter((s) => (s.object as { id?: string } | undefined)?.id === scope.activityId);
  const judged = about.filter((s) => verbOf(s) === VERBS.passed.id || verbOf(s) === VERBS.failed.id).at(-1);
  const scaled = (judged?.result as { score?: { scaled?: number } } | undefined)?.score?.scaled;
  const rejected = lms.statements.filter((l) => !l.stored && ofRegistration(l.statement)).length;
  return {
    registration: scope.registration,
    activityId: scope.activityId,
    completed: about.some((s) => verbOf(s) === VERBS.completed.id),
    passed: judged ? verbOf(judged) === VERBS.passed.id : null,
    scaled: typeof scaled === "number" ? scaled : null,
    stored: accepted.length,
    rejected,
    documents: lms.documents(scope.activityId, scope.actor, scope.registration).map(({ id, bytes }) => ({ id, bytes })),
    moveOn: scope.moveOn
      ? { rule: scope.moveOn, satisfied: moveOnSatisfied(scope.moveOn, accepted, scope.activityId) }
      : null,
  };
}
