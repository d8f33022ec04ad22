import type { AnswerOffer } from "../core/types";

// The data each card template (cards/<name>.json) is expanded with: one entry per template, so a
// new card is a JSON file plus one entry here, and renderCard(name, data) only accepts the data its
// template reads. test/card-data.test.ts checks every `${...}` of a template against samples of
// this type. Plain types rather than zod schemas: card data is built by our own code and never
// parsed, so there is nothing to validate at run time.

/** Strings the template shows or sends as they are. */
type Text<K extends string> = Record<K, string>;

/** A FactSet row, and the title/value pair of an Input.ChoiceSet choice. */
export interface Fact {
  title: string;
  value: string;
}

/** What an Action.Submit button sends back (its `action` names the handler). */
type ButtonData = Readonly<Record<string, unknown>>;

/** A button with a label of its own and the data it sends. */
interface Button {
  title: string;
  data: ButtonData;
}

/** A button that asks for an entry: the label shown, the text it sends, and the entry it means. */
export interface AskButton {
  label: string;
  text: string;
  entryId: string;
}

/** Pressing a choice of nearby entries ("Menade du…?", "Närliggande"). */
interface Alternatives {
  hasAlternatives: boolean;
  alternatives: readonly AskButton[];
}

/** "Fråga Välfärd": passes the question on to the experts. */
interface AskExpert {
  hasAskExpert: boolean;
  askExpert: string;
  /** The question as asked, sent back by the buttons. */
  question: string;
}

/** Parts the answer and the situation card share: the entry, its source, other features' offers, 👍/👎. */
export type AnswerBase = Text<"entryId" | "title" | "unsure" | "source" | "alsoIn" | "didYouMean"> &
  Text<"feedbackPrompt" | "voteUp" | "voteDown" | "question"> &
  Alternatives & {
    hasAlsoIn: boolean;
    hasOffers: boolean;
    offers: readonly AnswerOffer[];
  };

/** One line of an answer's details behind "Visa mer", styled by its TextBlock weight and spacing. */
export interface DetailLine {
  text: string;
  weight: string;
  spacing: string;
}

type AnswerData = AnswerBase &
  AskExpert &
  Text<"lead" | "showMoreLabel" | "showLessLabel" | "relatedTitle" | "voted" | "alts"> & {
    hasMore: boolean;
    more: readonly string[];
    details: readonly DetailLine[];
    hasRelated: boolean;
    related: readonly AskButton[];
    isUnsure: boolean;
  };

type SituationData = AnswerBase &
  Text<"answer" | "whoDoesWhat" | "alsoTitle"> & {
    hasResponsibilities: boolean;
    responsibilities: readonly { actor: string; duty: string }[];
    hasFacts: boolean;
    facts: readonly Fact[];
    /** Other entries the story touches, each with a button to read it. */
    also: readonly Text<"title" | "line" | "source" | "more" | "text" | "entryId">[];
  };

/** A meeting as a row of the meeting list. */
interface ListedMeeting {
  id: string;
  groupId: string;
  heading: string;
  facts: readonly Fact[];
  canEdit: boolean;
  canMarkNotHeld: boolean;
}

/** A row of the yearly report's tables: n and the two statements' figures for one category. */
type StatRow = Text<"label" | "n" | "q1" | "q2">;

/** The three charts of the yearly follow-up (2a, 2b, 3a). */
type PerChart = Text<"c2a" | "c2b" | "c3a">;

type Notice = Text<"title" | "message">;

/** Template name → the data it is expanded with. */
export interface CardDataMap {
  welcome: Text<"title" | "intro" | "capabilitiesTitle" | "examplesTitle" | "helpHint"> & {
    capabilities: readonly Fact[];
    examples: readonly string[];
  };
  help: Text<"title" | "intro" | "examplesTitle" | "privacy"> & {
    /** One section per role: its commands with their help lines. */
    sections: readonly { title: string; commands: readonly Fact[] }[];
    examples: readonly string[];
  };
  notice: Notice;
  answer: AnswerData;
  situation: SituationData;
  quote: Text<"intro" | "quote" | "source" | "after" | "nearbyTitle"> & Alternatives & AskExpert;
  decline: Text<"message" | "sections" | "nearbyTitle"> & Alternatives & AskExpert & { hasSections: boolean };

  meeting: Text<"title" | "intro" | "agendaTitle" | "casesTitle" | "status" | "onlineUrl" | "joinTitle"> &
    Text<"groupId" | "meetingId"> & {
      facts: readonly Fact[];
      agenda: readonly string[];
      cases: readonly string[];
      rsvpOpen: boolean;
      labels: Text<"attending" | "declined" | "substitute">;
    };
  "meeting-form": Text<"title" | "required"> &
    Text<"meetingId" | "groupId" | "date" | "start" | "place" | "link" | "theme" | "agenda"> & {
      length: number;
      labels: Text<"group" | "date" | "start" | "length" | "place" | "link" | "theme" | "agenda" | "save">;
      groups: readonly { id: string; name: string }[];
    };
  "meeting-list": Text<"title" | "none"> & {
    /** "VuS Sala: 1 av minst 4" per group. */
    held: readonly string[];
    meetings: readonly ListedMeeting[];
    otherSections: readonly { title: string; meetings: readonly ListedMeeting[] }[];
    canPlan: boolean;
    labels: Text<"move" | "cancel" | "notHeld" | "plan">;
  };
  "join-group": Text<"title" | "intro" | "problem" | "required" | "submit"> &
    Text<"groupLabel" | "organisationLabel" | "functionLabel"> & {
      values: Text<"groupId" | "organisation" | "function">;
      groups: readonly { id: string; name: string }[];
      organisations: readonly string[];
      functions: readonly Fact[];
    };
  "join-requests": Text<"title" | "intro"> & {
    requests: readonly (Text<"who" | "details"> & { buttons: readonly Button[] })[];
  };
  representation: Text<"title" | "note" | "when" | "counts" | "missingTitle" | "allCovered" | "answersTitle"> & {
    missing: readonly string[];
    answers: readonly Fact[];
  };
  "meeting-cancel": Text<"title" | "question" | "confirm" | "abort" | "groupId" | "meetingId"> & {
    facts: readonly Fact[];
  };
  coordinator: Text<"title" | "intro" | "choiceLabel" | "submit" | "required"> & { members: readonly Fact[] };

  evaluation: Text<"title" | "reminder" | "intro" | "error" | "scaleHint" | "required" | "privacy" | "submitTitle"> &
    Text<"q1Text" | "q2Text" | "commentLabel" | "commentPlaceholder" | "commentNote"> &
    Text<"orgTypeLabel" | "orgTypePlaceholder" | "genderLabel" | "genderPlaceholder"> &
    Text<"q1" | "q2" | "comment" | "orgType" | "gender" | "groupId" | "meetingId"> & {
      scale: readonly Fact[];
      orgTypes: readonly Fact[];
      genders: readonly Fact[];
    };
  "evaluation-thanks": Text<"title" | "intro" | "commentTitle" | "comment" | "status" | "changeTitle"> &
    Text<"groupId" | "meetingId"> & {
      facts: readonly Fact[];
      /** The answer can still be changed. */
      open: boolean;
    };
  "evaluation-notice": Notice;
  "report-2b": Text<"title" | "indicator2b" | "indicator2a" | "meetingsTitle" | "legend"> &
    Text<"downloadNote" | "downloadUrl" | "downloadTitle" | "commentsNote" | "commentsUrl" | "commentsTitle"> & {
      head: Text<"category" | "n" | "q1" | "q2" | "meeting" | "answeredOfInvited">;
      /** One per VuS group, and the county. */
      sections: readonly {
        name: string;
        facts: readonly Fact[];
        rows: readonly StatRow[];
        meetings: readonly Text<"date" | "answered" | "q1" | "q2">[];
      }[];
    };

  "admin-home": Text<"title" | "intro" | "searchLabel" | "query" | "searchButton" | "resultsTitle" | "noResults"> &
    Text<"newTitle" | "newKindLabel" | "commandsHint" | "newButton" | "reviewButton" | "adminsButton"> & {
      hasResults: boolean;
      results: readonly Text<"title" | "subtitle" | "entryId" | "openLabel">[];
      kinds: readonly Fact[];
    };
  "admin-entry": Text<"title" | "answer" | "source" | "entryId" | "editLabel" | "historyLabel" | "statusLabel"> & {
    facts: readonly Fact[];
    statusData: ButtonData;
  };
  "admin-form": Text<"title" | "intro" | "problemsTitle" | "previewLabel" | "cancelLabel"> & {
    hasProblems: boolean;
    problems: readonly string[];
    fields: readonly FormInput[];
    previewData: ButtonData;
  };
  "admin-publish": Text<"title" | "entryTitle" | "changes" | "publishLabel" | "editAgainLabel" | "cancelLabel"> & {
    publishData: ButtonData;
    reeditData: ButtonData;
  };
  "admin-history": {
    title: string;
    versions: readonly (Text<"line" | "changed" | "excerpt" | "revertLabel"> & {
      canRevert: boolean;
      revertData: ButtonData;
    })[];
  };
  "admin-review": Text<"title" | "intro" | "empty"> & {
    /** Similar review items, each group with its buttons. */
    groups: readonly (Text<"question" | "meta"> & { buttons: readonly Button[] })[];
  };
  "admin-import": Text<"title" | "importId" | "confirmLabel" | "cancelLabel"> & {
    facts: readonly Fact[];
    notes: readonly string[];
  };
  "admin-notice": { title: string; lines: readonly string[] };
  "admin-admins": Text<"title" | "configuredTitle" | "addedTitle" | "none" | "addTitle" | "personLabel"> &
    Text<"idLabel" | "nameLabel" | "addLabel" | "auditTitle"> & {
      configured: readonly string[];
      added: readonly Text<"label" | "id" | "removeLabel">[];
      hasPeople: boolean;
      people: readonly Fact[];
      audit: readonly string[];
    };
  "admin-pick": {
    title: string;
    items: readonly (Text<"title" | "subtitle" | "label"> & { data: ButtonData })[];
  };

  "case-form": Text<"title" | "intro" | "privacy" | "notice" | "required" | "submitTitle"> &
    Text<"groupLabel" | "kindLabel" | "descriptionLabel" | "descriptionPlaceholder"> &
    Text<"partiesLabel" | "partiesPlaceholder" | "managersLabel" | "managersYes" | "managersNo"> &
    Text<"groupId" | "kind" | "description" | "parties" | "managersTried"> & {
      /** "true" when the user already chose to go on without the managers having tried. */
      proceed: "true" | "false";
      groups: readonly Fact[];
      kinds: readonly Fact[];
    };
  case: Text<"groupId" | "caseId" | "title" | "description" | "notice" | "noticeColor"> &
    Text<"descriptionTitle" | "decisionTitle" | "regionalTitle"> & {
      revision: number;
      facts: readonly Fact[];
      decisionFacts: readonly Fact[];
      regionalFacts: readonly Fact[];
      /** The viewer may record the VuS group's decision (coordinator of the group or admin, case open). */
      canDecide: boolean;
      /** The viewer may record the regional outcome (admin, case lifted without outcome). */
      canRecord: boolean;
      labels: Text<"forCoordinator" | "required" | "decisionLabel" | "decisionTextLabel" | "decide"> &
        Text<"forAdmin" | "forumLabel" | "forumPlaceholder" | "outcomeLabel" | "recordOutcome">;
      /** What the inputs show after a refused submission. */
      values: Text<"decision" | "decisionText" | "forum" | "outcome">;
      decisions: readonly Fact[];
      forums: readonly Fact[];
    };
  "case-list": Text<"title" | "none" | "openTitle" | "newTitle"> & {
    items: readonly Text<"groupId" | "caseId" | "heading" | "line">[];
  };
  followup: Text<"title" | "scope" | "i2bScope" | "note" | "byKindTitle"> &
    Text<"i2aTitle" | "i2aText" | "i2bTitle" | "i2bText" | "i3aTitle" | "i3aText"> & {
      /** Meetings held per group. */
      held: readonly Fact[];
      satisfaction: readonly StatRow[];
      cases: readonly Text<"part" | "raised" | "lifted" | "decided">[];
      casesSummary: readonly Fact[];
      byKind: readonly Fact[];
      head: Text<"category" | "answers" | "q1" | "q2" | "part" | "raised" | "lifted" | "decided">;
      /** Chart image links, "" for a chart not drawn. */
      charts: PerChart;
      alt: PerChart;
      /** CSV download links, "" when there is nothing to download. */
      csv: PerChart;
      csvTitles: PerChart;
    };
  "erase-confirm": Text<"title" | "intro" | "kept" | "cancel"> & {
    people: readonly (Text<"aadObjectId" | "name" | "confirm"> & { facts: readonly Fact[] })[];
  };

  "escalation-form": Text<"title" | "intro" | "warning" | "questionLabel" | "questionPlaceholder" | "question"> &
    Text<"emptyMessage" | "visibility" | "submit" | "cancel"> & { maxLength: number };
  "escalation-case": Text<"heading" | "notice" | "noticeStyle" | "caseId"> &
    Text<"questionLabel" | "question" | "botAnsweredLabel" | "botAnswer" | "answerLabel" | "answer"> &
    Text<"answerInputLabel" | "answerPlaceholder" | "draft" | "take" | "send" | "close" | "toKnowledgeBase"> & {
      facts: readonly Fact[];
      hasAnswer: boolean;
      canAnswer: boolean;
      canTake: boolean;
      canAddToKb: boolean;
      maxAnswer: number;
    };
  "escalation-answer": Text<"heading" | "yourQuestionLabel" | "question" | "answerLabel" | "answer"> &
    Text<"answeredBy" | "prompt" | "up" | "down" | "caseId">;
  "escalation-list": Text<"title" | "empty"> & {
    items: readonly (Text<"heading" | "question" | "detail" | "toKnowledgeBase" | "dismiss" | "caseId"> & {
      /** Offer "Lägg in i kunskapsbanken" / "Klar": answered cases in the review queue. */
      canReview: boolean;
    })[];
  };
}

/** One input of the admin's entry form. */
interface FormInput {
  id: string;
  label: string;
  input: "text" | "choice";
  value: string;
  multiline: boolean;
  choices: readonly Fact[];
  placeholder: string;
}

export type CardName = keyof CardDataMap;
