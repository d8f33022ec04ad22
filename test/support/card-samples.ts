import { botText, casesText, escalationText, meetingsText, qaText } from "../../core/strings";
import { escalationCardSamples } from "./escalation-card-samples";
import { renderAdminSamples } from "./admin-card-samples";
import type { CardName } from "../../cards/render";
import { evaluationFormData, noticeData, report2bData, thanksData } from "../../cards/evaluation-cards";
import { sampleReport } from "./evaluation-fixtures";
import { caseCardSamples } from "./case-card-samples";
import { erasureData } from "../../cards/privacy-cards";

const evalGroup = { name: "Sala" };
const evalMeeting = { id: "sala-m1-0001", groupId: "sala", start: "2026-03-10T08:00:00.000Z" };
const evalCloses = "2026-03-24T11:00:00.000Z";

const helpSample = (sections: { title: string; commands: { title: string; value: string }[] }[]) => {
  const { title, intro, examplesTitle, privacy } = botText.help;
  return { title, intro, sections, examplesTitle, examples: botText.exampleQuestions, privacy };
};

/** Sample data per template; the card test expands each and validates the result. */
export const cardSamples: Partial<Record<CardName, object[]>> = {
  welcome: [{ ...botText.welcome, examples: botText.exampleQuestions }],
  notice: [{ title: botText.errors.apologyTitle, message: botText.errors.apology }],
  help: [
    helpSample([
      { title: botText.help.commandsTitle, commands: [botText.commandHelp.help, botText.commandHelp.meetings] },
      { title: botText.help.adminTitle, commands: [botText.commandHelp.admin] },
    ]),
    { ...helpSample([{ title: botText.help.commandsTitle, commands: [botText.commandHelp.help] }]), examples: [] },
  ],
  answer: [
    // Grey zone with everything: unsure note, details behind "Visa mer", "Menade du…?" and related questions.
    {
      entryId: "resp-hvb-kostnadsansvar",
      title: "Kostnadsansvar vid HVB-placering",
      unsure: qaText.unsure,
      lead: "Socialtjänsten har kostnadsansvar för placeringen.",
      source: "Källa: Överenskommelsen, avsnitt Placering på HVB",
      hasMore: true,
      more: ["Regionen har kostnadsansvar för hälso- och sjukvården."],
      details: [
        { text: qaText.whoDoesWhat, weight: "Bolder", spacing: "Medium" },
        { text: "**Socialtjänsten:** Betalar placeringen", weight: "Default", spacing: "Small" },
        { text: qaText.facts.members, weight: "Bolder", spacing: "Medium" },
        { text: "• Socialchefer från länets kommuner", weight: "Default", spacing: "Small" },
      ],
      hasAlsoIn: true,
      alsoIn: `${qaText.alsoIn}: Överenskommelsen, avsnitt Placering på HVB > Kostnadsansvar`,
      showMoreLabel: qaText.showMore,
      showLessLabel: qaText.showLess,
      hasAlternatives: true,
      didYouMean: qaText.didYouMean,
      alternatives: [{ label: "Vad är HVB?", text: "Vad är HVB?", entryId: "term-hvb" }],
      hasRelated: true,
      relatedTitle: qaText.relatedTitle,
      related: [{ label: "Vad är en SIP?", text: "Vad är en SIP?", entryId: "term-sip" }],
      hasOffers: true,
      offers: [{ title: casesText.form.offer, action: "cases.new" }],
      feedbackPrompt: qaText.feedback.prompt,
      voteUp: qaText.feedback.up,
      voteDown: qaText.feedback.down,
      voted: "",
      question: "vem betalar hvb",
      alts: "term-hvb",
      isUnsure: true,
      hasAskExpert: true,
      askExpert: escalationText.askButton,
    },
    // A confident answer with nothing optional, after 👍.
    {
      entryId: "term-sip",
      title: "SIP – samordnad individuell plan",
      unsure: "",
      lead: "En SIP upprättas när den enskilde behöver insatser från både socialtjänsten och hälso- och sjukvården.",
      source: "Källa: Överenskommelsen, avsnitt SIP",
      hasMore: false,
      more: [],
      details: [],
      hasAlsoIn: false,
      alsoIn: "",
      showMoreLabel: qaText.showMore,
      showLessLabel: qaText.showLess,
      hasAlternatives: false,
      alternatives: [],
      hasRelated: false,
      related: [],
      feedbackPrompt: qaText.feedback.prompt,
      voteUp: qaText.feedback.up,
      voteDown: qaText.feedback.down,
      voted: qaText.feedback.recorded.up,
      question: "Vad är SIP?",
      alts: "",
      isUnsure: false,
    },
  ],
  situation: [
    {
      entryId: "topic-sip-utskrivning",
      title: "SIP vid utskrivning från sluten hälso- och sjukvård",
      unsure: "",
      answer:
        "I samband med utskrivning från sluten hälso- och sjukvård ska SIP användas i den långsiktiga planeringen.",
      hasResponsibilities: false,
      responsibilities: [],
      hasFacts: false,
      facts: [],
      source: "Källa: Överenskommelsen, avsnitt SIP",
      hasAlsoIn: false,
      alsoTitle: qaText.alsoApplies,
      also: [
        {
          title: "Riktlinjer för samverkan vid utskrivning",
          line: "Länsgemensamma riktlinjer för samverkan vid utskrivning från sluten hälso- och sjukvård.",
          source: "Källa: Överenskommelsen, avsnitt SIP",
          entryId: "routine-utskrivning-sluten-vard",
          text: "Riktlinjer för samverkan vid utskrivning",
          more: "Läs mer: Riktlinjer",
        },
      ],
      hasAlternatives: true,
      didYouMean: qaText.didYouMean,
      alternatives: [{ label: "SIP", text: "SIP", entryId: "term-sip" }],
      feedbackPrompt: qaText.feedback.prompt,
      voteUp: qaText.feedback.up,
      voteDown: qaText.feedback.down,
      question: "Min patient ska skrivas ut, hur planerar vi?",
    },
  ],
  quote: [
    {
      intro: qaText.quote.intro,
      quote: qaText.quote.mark("Båda huvudmännen har upphandlat och genomför drogtester."),
      source: "Källa: Överenskommelsen, avsnitt Skadligt bruk och beroende > Drogtester",
      after: qaText.quote.after,
      hasAlternatives: true,
      nearbyTitle: qaText.nearbyTitle,
      alternatives: [{ label: "Drogtester", text: "Drogtester", entryId: "topic-drogtester" }],
      question: "drogtester",
      hasAskExpert: true,
      askExpert: escalationText.askButton,
    },
  ],
  decline: [
    {
      message: qaText.decline["no-match"],
      hasSections: true,
      sections: `${qaText.nearestSections}:\n\nÖverenskommelsen, avsnitt SIP`,
      question: "fråga",
      hasAlternatives: true,
      nearbyTitle: qaText.nearbyTitle,
      alternatives: [{ label: "SIP", text: "SIP", entryId: "term-sip" }],
      hasAskExpert: true,
      askExpert: escalationText.askButton,
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
      casesTitle: "Ärenden att behandla",
      cases: ["2026-0A1B2C3D: Tvist – socialtjänsten, vuxenpsykiatrin"],
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
      casesTitle: "Ärenden att behandla",
      cases: [],
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
  "join-requests": [
    {
      title: meetingsText.requests.title,
      intro: meetingsText.requests.intro,
      requests: [
        {
          who: "Anna Andersson – VuS Sala",
          details: "Sala, Samordnare för gruppen (vill bli samordnare)",
          buttons: [
            {
              title: meetingsText.requests.approveCoordinator,
              data: { action: "meetings.approveJoin", groupId: "sala", aadObjectId: "a", asCoordinator: true },
            },
            {
              title: meetingsText.requests.deny,
              data: { action: "meetings.denyJoin", groupId: "sala", aadObjectId: "a" },
            },
          ],
        },
      ],
    },
  ],
  "join-group": [
    {
      ...meetingsText.join,
      problem: "",
      values: { groupId: "", organisation: "", function: "" },
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
  ...caseCardSamples(),
  "erase-confirm": [
    erasureData([
      {
        aadObjectId: "00000000-0000-4000-8000-000000000004",
        name: "Anna [Andersson](https://x.example)",
        memberships: ["VuS Sala", "VuS Köping"],
        requests: [],
        rsvps: 3,
        chats: 1,
        feedback: 0,
        escalations: 2,
      },
    ]),
    erasureData(
      ["Anna Andersson", ""].map((name, i) => ({
        aadObjectId: `00000000-0000-4000-8000-00000000000${i}`,
        name,
        memberships: [],
        requests: ["VuS Fagersta"],
        rsvps: 0,
        chats: 2,
        feedback: 5,
        escalations: 0,
      })),
    ),
  ],
  ...escalationCardSamples,
};
