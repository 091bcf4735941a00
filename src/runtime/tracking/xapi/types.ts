/**
 * The subset of the xAPI 1.0.3 data model the trackers produce. Written here rather than taken from
 * @xapi/xapi's types because those key language maps by a closed union of language codes, while a
 * course's language is any RFC 5646 tag the author wrote.
 */

export type LanguageMap = Record<string, string>;

export interface Account {
  homePage: string;
  name: string;
}

/** An Agent with exactly one inverse functional identifier (xAPI §2.4.2.1). */
export interface Agent {
  objectType?: "Agent";
  name?: string;
  mbox?: string;
  mbox_sha1sum?: string;
  openid?: string;
  account?: Account;
}

export interface InteractionComponent {
  id: string;
  description?: LanguageMap;
}

export interface ActivityDefinition {
  type?: string;
  name?: LanguageMap;
  description?: LanguageMap;
  interactionType?: string;
  correctResponsesPattern?: string[];
  choices?: InteractionComponent[];
  scale?: InteractionComponent[];
  source?: InteractionComponent[];
  target?: InteractionComponent[];
  steps?: InteractionComponent[];
}

export interface Activity {
  objectType?: "Activity";
  id: string;
  definition?: ActivityDefinition;
}

export interface Score {
  scaled?: number;
  raw?: number;
  min?: number;
  max?: number;
}

export interface Result {
  score?: Score;
  success?: boolean;
  completion?: boolean;
  response?: string;
  duration?: string;
  extensions?: Record<string, unknown>;
}

export interface ContextActivities {
  parent?: Activity[];
  grouping?: Activity[];
  category?: Activity[];
  other?: Activity[];
}

export interface Context {
  registration?: string;
  contextActivities?: ContextActivities;
  platform?: string;
  language?: string;
  extensions?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface Statement {
  id: string;
  timestamp: string;
  actor: Agent;
  verb: { id: string; display: LanguageMap };
  object: Activity;
  result?: Result;
  context?: Context;
}
