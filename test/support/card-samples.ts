import { botText, meetingsText, qaText } from "../../core/strings";
import { renderAdminSamples } from "./admin-card-samples";
import type { CardName } from "../../cards/render";
import { evaluationFormData, noticeData, report2bData, thanksData } from "../../cards/evaluation-cards";
import { sampleReport } from "./evaluation-fixtures";
import { helpCardData } from "../../cards/help-cards";

const evalGroup = { name: "Sala" };
const evalMeeting = { id: "sala-m1-0001", groupId: "sala", start: "2026-03-10T08:00:00.000Z" };
const evalCloses = "2026-03-24T11:00:00.000Z";

/** Sample data per template; the card test expands each and validates the result. */
export const cardSamples: Partial<Record<CardName, object[]>> = {
  welcome: [{ ...botText.welcome, examples: botText.exampleQuestions }],
  notice: [{ title: botText.errors.apologyTitle, message: botText.errors.apology }],
  help: [helpCardData("admin"), helpCardData("coordinator"), { ...helpCardData("everyone"), examples: [] }],
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
      hasFacts: true,
      facts: [
        { title: qaText.facts.members, value: "Socialchefer från länets kommuner" },
        { title: "", value: "Verksamhetschef på Välfärd" },
      ],
      source: "Källa: Överenskommelsen, avsnitt Placering på HVB",
      hasAlsoIn: true,
      alsoIn: `${qaText.alsoIn}: Överenskommelsen, avsnitt Placering på HVB > Kostnadsansvar`,
      hasAlternatives: true,
      didYouMean: qaText.didYouMean,
      alternatives: [
        { label: "HVB – hem för vård eller boende", text: "HVB – hem för vård eller boende", entryId: "term-hvb" },
      ],
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
    {
      message: qaText.decline["no-match"],
      hasAlternatives: true,
      nearbyTitle: qaText.nearbyTitle,
      alternatives: [{ label: "SIP", text: "SIP", entryId: "term-sip" }],
    },
    { message: qaText.decline.individual, hasAlternatives: false, nearbyTitle: qaText.nearbyTitle, alternatives: [] },
  ],
  meeting: [
    {
      title: "Påminnelse: VuS Sala",
      intro: "Mötet är i morgon.",
      facts: [{ title: "När", value: "måndag 29 mars 2027 kl. 09:00–11:00" }],
      agendaTitle: "Dagordning",
      agenda: ["Inledning", "SIP"],
      status: "Kommer du?",
      onlineUrl: "https://teams.microsoft.com/l/meetup-join/x",
      joinTitle: "Anslut",
      rsvpOpen: true,
      labels: meetingsText.answerLabels,
      groupId: "sala",
      meetingId: "m-12345678",
    },
    {
      title: "Mötet är inställt: VuS Sala",
      intro: "",
      facts: [],
      agendaTitle: "Dagordning",
      agenda: [],
      status: "",
      onlineUrl: "",
      joinTitle: "Anslut",
      rsvpOpen: false,
      labels: meetingsText.answerLabels,
      groupId: "sala",
      meetingId: "m-12345678",
    },
  ],
  "meeting-form": [
    {
      title: "Planera",
      required: meetingsText.required,
      labels: meetingsText.form,
      groups: [{ id: "sala", name: "Sala" }],
      meetingId: "",
      groupId: "sala",
      date: "",
      start: "09:00",
      length: 120,
      place: "",
      link: "",
      theme: "",
      agenda: "",
    },
  ],
  "meeting-list": [
    {
      title: "Kommande",
      none: "Inga",
      held: ["VuS Sala: 1 av minst 4"],
      meetings: [
        {
          id: "m-1234567",
          groupId: "sala",
          heading: "VuS Sala",
          facts: [{ title: "När", value: "i morgon" }],
          canEdit: true,
          canMarkNotHeld: false,
        },
      ],
      otherSections: [],
      canPlan: true,
      labels: meetingsText.list,
    },
    {
      title: "Kommande",
      none: "Inga",
      held: [],
      meetings: [],
      otherSections: [],
      canPlan: false,
      labels: meetingsText.list,
    },
    {
      title: "Kommande",
      none: "Inga",
      held: [],
      meetings: [],
      otherSections: [
        {
          title: meetingsText.list.endedTitle,
          meetings: [
            {
              id: "m-1234568",
              groupId: "sala",
              heading: "VuS Sala",
              facts: [{ title: "När", value: "i går" }],
              canEdit: false,
              canMarkNotHeld: true,
            },
          ],
        },
      ],
      canPlan: true,
      labels: meetingsText.list,
    },
  ],
  "join-group": [
    {
      ...meetingsText.join,
      required: meetingsText.required,
      groups: [{ id: "sala", name: "Sala" }],
      organisations: ["Sala", "Region Västmanland"],
      functions: [{ value: "ifo", title: "IFO" }],
    },
  ],
  representation: [
    {
      title: "Representation",
      note: "Ingen samordnare",
      when: "i morgon",
      counts: "1 deltar",
      missingTitle: "Saknas",
      allCovered: "Alla",
      missing: ["Sala: socialpsykiatri"],
      answersTitle: "Svar",
      answers: [{ title: "Anna", value: "Deltar" }],
    },
    {
      title: "Representation",
      note: "Ingen samordnare",
      when: "i morgon",
      counts: "0 deltar",
      missingTitle: "Saknas",
      allCovered: "Alla",
      missing: [],
      answersTitle: "Svar",
      answers: [],
    },
  ],
  "meeting-cancel": [
    {
      title: "Ställa in?",
      question: "Säker?",
      facts: [{ title: "När", value: "i morgon" }],
      confirm: "Bekräfta",
      abort: "Avbryt",
      groupId: "sala",
      meetingId: "m-1234567",
    },
  ],
  coordinator: [
    {
      title: "Utse",
      intro: "Välj",
      choiceLabel: "Medlem",
      submit: "Spara",
      required: meetingsText.required,
      members: [{ title: "Anna – VuS Sala", value: "sala|x" }],
    },
  ],
  evaluation: [
    evaluationFormData({ group: evalGroup, meeting: evalMeeting, closesAt: evalCloses }),
    evaluationFormData({
      group: evalGroup,
      meeting: evalMeeting,
      closesAt: evalCloses,
      reminder: true,
      editing: true,
      error: "Välj ett värde.",
      values: { q1: 3, q2: "5", comment: "Bra möte", orgType: "region", gender: "kvinna" },
    }),
  ],
  "evaluation-thanks": [
    thanksData({
      group: evalGroup,
      meeting: evalMeeting,
      closesAt: evalCloses,
      open: true,
      changed: false,
      answer: { q1: 4, q2: 5, comment: "Bra", orgType: "kommun", gender: "man" },
    }),
    thanksData({
      group: evalGroup,
      meeting: evalMeeting,
      closesAt: evalCloses,
      open: false,
      changed: true,
      answer: { q1: 1, q2: 2, orgType: "annan" },
    }),
  ],
  "evaluation-notice": [noticeData("Utvärderingen är stängd.")],
  "report-2b": [
    report2bData(sampleReport(), { downloadUrl: "https://bot.example.se/api/reports/2b/abc.def", linkMinutes: 15 }),
    report2bData(sampleReport(), {
      downloadUrl: "https://bot.example.se/api/reports/2b?t=a~b",
      commentsUrl: "https://bot.example.se/api/reports/2b?t=c~d",
      linkMinutes: 1,
    }),
    report2bData({ year: 2026, groups: [] }, { linkMinutes: 15 }),
  ],
  ...renderAdminSamples(),
};
