import {
  caseData,
  caseFormData,
  caseListData,
  followupData,
  type CaseView,
  type FollowupView,
} from "../../cards/case-cards";

// Sample data for the samverkansärenden and yearly follow-up templates (cards.test.ts validates each).

const groups = [
  { id: "sala", name: "Sala" },
  { id: "vasteras", name: "Västerås" },
];
const view: CaseView = {
  groupId: "sala",
  caseId: "2026-0a1b2c3d",
  revision: 2,
  title: "Samverkansärende 2026-0A1B2C3D – VuS Sala",
  facts: [{ title: "Typ", value: "Tvist" }],
  description: "Oenighet om ansvar för boendestöd.",
  decisionFacts: [],
  regionalFacts: [],
  canDecide: true,
  canRecord: false,
};
const followup: FollowupView = {
  title: "Årsuppföljning 2026",
  scope: "Underlag för Chefsforum. Länsdelar: Sala.",
  held: [{ title: "VuS Sala", value: "3 av 4" }],
  i2bScope: "Redovisas för: VuS Sala",
  satisfaction: [{ label: "Alla", n: "6", q1: "3,7 (58 %)", q2: "4,0 (75 %)" }],
  cases: [{ part: "Sala", raised: "2", lifted: "1", decided: "2" }],
  casesSummary: [{ title: "Andel med beslut", value: "100 %" }],
  byKind: [{ title: "Tvist", value: "2" }],
  charts: { c2a: "https://bot.example.se/c?t=a~b", c2b: "", c3a: "https://bot.example.se/c?t=c~d" },
  csv: { c2a: "https://bot.example.se/c?t=e~f", c2b: "", c3a: "" },
  note: "Länkarna gäller i 15 minuter.",
};

export function caseCardSamples() {
  return {
    "case-form": [
      caseFormData(groups),
      caseFormData(
        groups,
        { groupId: "sala", kind: "tvist", description: "x", managersTried: "no" },
        { notice: "Chefer först", proceed: true },
      ),
    ],
    case: [
      caseData(view),
      caseData({ ...view, canDecide: false, canRecord: true, notice: "Sparat", noticeKind: "good" }),
      caseData({
        ...view,
        canDecide: false,
        decisionFacts: [{ title: "Beslut", value: "Lyft till Välfärd" }],
        regionalFacts: [{ title: "Forum", value: "Chefsforum" }],
        values: { forum: "biv", outcome: "y" },
      }),
    ],
    "case-list": [caseListData([]), caseListData([{ groupId: "sala", caseId: view.caseId, heading: "A", line: "B" }])],
    followup: [
      followupData(followup),
      followupData({ ...followup, charts: { c2a: "", c2b: "", c3a: "" }, csv: { c2a: "", c2b: "", c3a: "" } }),
    ],
  };
}
