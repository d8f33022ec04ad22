import { botText, qaText } from "../../core/strings";
import { renderAdminSamples } from "./admin-card-samples";
import type { CardName } from "../../cards/render";

/** Sample data per template; the card test expands each and validates the result. */
export const cardSamples: Partial<Record<CardName, object[]>> = {
  welcome: [{ ...botText.welcome, examples: botText.exampleQuestions }],
  help: [{ ...botText.help, examples: botText.exampleQuestions }, { ...botText.help, examples: [] }],
  answer: [
    // Grey zone with everything: unsure note, "Vem gör vad", "Menade du…?" and related questions.
    {
      entryId: "resp-hvb-kostnadsansvar",
      title: "Kostnadsansvar vid HVB-placering",
      unsure: qaText.unsure,
      answer: "Socialtjänsten har kostnadsansvar för placeringen.",
      hasResponsibilities: true,
      whoDoesWhat: qaText.whoDoesWhat,
      responsibilities: [{ actor: "Socialtjänsten", duty: "Betalar placeringen (kostnadsansvar)" }],
      source: "Källa: Överenskommelsen, avsnitt Placering på HVB",
      hasAlternatives: true,
      didYouMean: qaText.didYouMean,
      alternatives: [{ label: "HVB – hem för vård eller boende", text: "HVB – hem för vård eller boende", entryId: "term-hvb" }],
      hasRelated: true,
      relatedTitle: qaText.relatedTitle,
      related: [{ label: "Vad är en SIP?", text: "Vad är en SIP?", entryId: "term-sip" }],
      feedbackPrompt: qaText.feedback.prompt,
      voteUp: qaText.feedback.up,
      voteDown: qaText.feedback.down,
      question: "vem betalar hvb",
    },
    // A confident answer with nothing optional.
    {
      entryId: "term-sip",
      title: "SIP – samordnad individuell plan",
      unsure: "",
      answer: "En SIP upprättas när den enskilde behöver insatser från både socialtjänsten och hälso- och sjukvården.",
      hasResponsibilities: false,
      responsibilities: [],
      source: "Källa: Överenskommelsen, avsnitt SIP",
      hasAlternatives: false,
      alternatives: [],
      hasRelated: false,
      related: [],
      feedbackPrompt: qaText.feedback.prompt,
      voteUp: qaText.feedback.up,
      voteDown: qaText.feedback.down,
      question: "Vad är SIP?",
    },
  ],
  decline: [
    { message: qaText.decline["no-match"], hasAlternatives: true, nearbyTitle: qaText.nearbyTitle, alternatives: [{ label: "SIP", text: "SIP", entryId: "term-sip" }] },
    { message: qaText.decline.individual, hasAlternatives: false, nearbyTitle: qaText.nearbyTitle, alternatives: [] },
  ],
  ...renderAdminSamples(),
};
