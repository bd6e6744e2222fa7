//! "Which path is mine?": the citizen's answers and the checklist they lead to.
//!
//! Three questions (age group, ID card, e-ID level), one per screen. The
//! answers live in the URL query (`?age=14plus&card=have&level=2`) so that a
//! result can be shared and bookmarked. [`Answers::plan`] turns complete
//! answers into a [`Plan`]: the steps that apply, what to bring, which kind of
//! office serves the case and what happens next. The rules come from the
//! seed documents (`004` appendix 1 for levels 1 and 2, `002` for children
//! and the Căn cước card); the UI only translates the ids.

use super::campaign::{Campaign, Office, Service};
use super::guidance::Fact;

/// Age group of the person the application is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AgeGroup {
    /// From birth to under 6.
    Under6,
    /// From 6 to under 14.
    From6To14,
    /// 14 and over.
    From14,
}

/// Whether that person holds a chip ID card (CCCD) or a Căn cước card.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CardStatus {
    /// Has a valid card.
    Have,
    /// Has never had one.
    NoCard,
    /// Had one, but it is lost or damaged.
    LostOrDamaged,
}

/// The e-ID level wanted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// Level 1: registered alone in the VNeID app.
    One,
    /// Level 2: registered in person at a police office.
    Two,
    /// No smartphone: the police register and activate it for you (where the document says so).
    NoSmartphone,
}

/// One of the three questions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Question {
    /// Age group.
    Age,
    /// ID card.
    Card,
    /// e-ID level.
    Level,
}

impl Question {
    /// The URL query key of this question.
    pub fn key(self) -> &'static str {
        match self {
            Question::Age => "age",
            Question::Card => "card",
            Question::Level => "level",
        }
    }

    /// The question named by a URL value (`age`, `card`, `level`).
    pub fn from_key(key: &str) -> Option<Question> {
        [Question::Age, Question::Card, Question::Level].into_iter().find(|q| q.key() == key)
    }

    /// The URL codes of the possible answers, in display order.
    pub fn choices(self) -> &'static [&'static str] {
        match self {
            Question::Age => &["under6", "6to14", "14plus"],
            Question::Card => &["have", "none", "lost"],
            Question::Level => &["2", "1", "nophone"],
        }
    }
}

/// The answers given so far; `None` = not answered yet.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Answers {
    /// Age group.
    pub age: Option<AgeGroup>,
    /// ID card.
    pub card: Option<CardStatus>,
    /// e-ID level (only asked from 14, see [`Answers::questions`]).
    pub level: Option<Level>,
}

impl Answers {
    /// Reads the answers from a URL query (`age=…&card=…&level=…`, with or
    /// without the leading `?`); unknown keys and values are ignored.
    pub fn from_query(query: &str) -> Answers {
        let mut answers = Answers::default();
        for (key, value) in query.trim_start_matches('?').split('&').filter_map(|p| p.split_once('=')) {
            answers.set(key, value);
        }
        answers
    }

    /// Sets one answer from its URL key and code; returns false if either is unknown.
    pub fn set(&mut self, key: &str, code: &str) -> bool {
        match (key, code) {
            ("age", "under6") => self.age = Some(AgeGroup::Under6),
            ("age", "6to14") => self.age = Some(AgeGroup::From6To14),
            ("age", "14plus") => self.age = Some(AgeGroup::From14),
            ("card", "have") => self.card = Some(CardStatus::Have),
            ("card", "none") => self.card = Some(CardStatus::NoCard),
            ("card", "lost") => self.card = Some(CardStatus::LostOrDamaged),
            ("level", "1") => self.level = Some(Level::One),
            ("level", "2") => self.level = Some(Level::Two),
            ("level", "nophone") => self.level = Some(Level::NoSmartphone),
            _ => return false,
        }
        true
    }

    /// The URL code of the answer to `question`, if answered.
    pub fn code(&self, question: Question) -> Option<&'static str> {
        let index = match question {
            Question::Age => self.age.map(|a| match a {
                AgeGroup::Under6 => 0,
                AgeGroup::From6To14 => 1,
                AgeGroup::From14 => 2,
            }),
            Question::Card => self.card.map(|c| match c {
                CardStatus::Have => 0,
                CardStatus::NoCard => 1,
                CardStatus::LostOrDamaged => 2,
            }),
            Question::Level => self.level.map(|l| match l {
                Level::Two => 0,
                Level::One => 1,
                Level::NoSmartphone => 2,
            }),
        };
        index.map(|i| question.choices()[i])
    }

    /// The answers as a URL query without `?` (only the questions that apply).
    pub fn to_query(&self) -> String {
        self.questions()
            .into_iter()
            .filter_map(|q| self.code(q).map(|c| format!("{}={c}", q.key())))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// The answers with `question` answered by `code`.
    pub fn with(&self, question: Question, code: &str) -> Answers {
        let mut next = *self;
        next.set(question.key(), code);
        next
    }

    /// The questions that apply: the level is only asked from 14, because
    /// the documents describe children's cases as a card application.
    pub fn questions(&self) -> Vec<Question> {
        match self.age {
            Some(AgeGroup::Under6) | Some(AgeGroup::From6To14) => vec![Question::Age, Question::Card],
            _ => vec![Question::Age, Question::Card, Question::Level],
        }
    }

    /// The first question not answered yet, or `None` when the plan is ready.
    pub fn next_question(&self) -> Option<Question> {
        self.questions().into_iter().find(|q| self.code(*q).is_none())
    }

    /// The plan for complete answers; `None` while a question is open.
    pub fn plan(&self) -> Option<Plan> {
        if self.next_question().is_some() {
            return None;
        }
        let age = self.age?;
        let card = self.card?;
        Some(match (age, card) {
            (AgeGroup::Under6 | AgeGroup::From6To14, CardStatus::Have) => Plan {
                case: Case::ChildHasCard,
                steps: vec![],
                documents: vec![],
                service: None,
                next: vec![Next::KeepCardSafe],
            },
            (AgeGroup::Under6, _) => Plan {
                case: Case::ChildUnder6,
                steps: vec![Step::ChildApplyOnline],
                documents: vec![],
                service: Some(Service::OnlineApplication),
                next: vec![Next::CardResult],
            },
            (AgeGroup::From6To14, _) => Plan {
                case: Case::Child6To14,
                steps: vec![Step::ChildApplyOnline, Step::ChildVisit],
                documents: vec![Document::FormCc01],
                service: Some(Service::ChildCard),
                next: vec![Next::CardResult],
            },
            (AgeGroup::From14, CardStatus::NoCard | CardStatus::LostOrDamaged) => Plan {
                case: if card == CardStatus::NoCard { Case::AdultNoCard } else { Case::AdultLostCard },
                steps: vec![Step::Install, Step::ApplyCard, Step::WaitSms, Step::Activate, Step::PortalLogin],
                documents: vec![Document::Integrations],
                service: Some(Service::IdCard),
                next: vec![Next::Sms, Next::Activate],
            },
            (AgeGroup::From14, CardStatus::Have) => match self.level? {
                Level::One => Plan {
                    case: Case::Level1,
                    steps: vec![Step::Install, Step::Level1InApp, Step::WaitSms, Step::Activate],
                    documents: vec![Document::ChipCard],
                    service: None,
                    next: vec![Next::Sms, Next::Activate, Next::Level2Later],
                },
                Level::NoSmartphone => Plan {
                    case: Case::NoSmartphone,
                    steps: vec![Step::NoPhoneHelp, Step::PortalLogin],
                    documents: vec![Document::ChipCard],
                    service: Some(Service::NoSmartphone),
                    next: vec![Next::Sms, Next::Activate],
                },
                Level::Two => Plan {
                    case: Case::Level2WithCard,
                    steps: vec![Step::Install, Step::Level2InPerson, Step::WaitSms, Step::Activate, Step::PortalLogin],
                    documents: vec![Document::ChipCard, Document::Integrations],
                    service: Some(Service::Level2WithCard),
                    next: vec![Next::Sms, Next::Activate],
                },
            },
        })
    }
}

/// The case the answers lead to (one explanation per case).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Case {
    /// Under 6 without a card: a parent applies online.
    ChildUnder6,
    /// 6 to under 14 without a card: online, then bring the child in.
    Child6To14,
    /// A child who already has a card.
    ChildHasCard,
    /// 14+ with no card: card application with level 2 at the same time.
    AdultNoCard,
    /// 14+ whose card is lost or damaged.
    AdultLostCard,
    /// 14+ with a card, level 1 in the app.
    Level1,
    /// 14+ with a card, level 2 in person.
    Level2WithCard,
    /// 14+ with a card but no smartphone.
    NoSmartphone,
}

/// A step of the registration path (shared by the checklist and the step-by-step guide).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Install VNeID from the official stores.
    Install,
    /// Level 1 in the app.
    Level1InApp,
    /// Level 2 in person with the chip card.
    Level2InPerson,
    /// Apply for a (new) card in person; level 2 is integrated at the same time.
    ApplyCard,
    /// Wait for the approval SMS.
    WaitSms,
    /// Activate the account and log in to VNeID.
    Activate,
    /// Log in to the National Public Service Portal with VNeID (optional).
    PortalLogin,
    /// A parent applies for the child's card online.
    ChildApplyOnline,
    /// A parent brings the child (6 to under 14) for photo, fingerprints and iris.
    ChildVisit,
    /// Without a smartphone: the police register and activate the account with you.
    NoPhoneHelp,
}

impl Step {
    /// The steps of the general step-by-step guide, in order.
    pub const GUIDE: [Step; 6] =
        [Step::Install, Step::Level1InApp, Step::Level2InPerson, Step::WaitSms, Step::Activate, Step::PortalLogin];

    /// A stable id, used for ticks stored on the device and for element ids.
    pub fn id(self) -> &'static str {
        match self {
            Step::Install => "install",
            Step::Level1InApp => "level1",
            Step::Level2InPerson => "level2",
            Step::ApplyCard => "apply-card",
            Step::WaitSms => "wait-sms",
            Step::Activate => "activate",
            Step::PortalLogin => "portal",
            Step::ChildApplyOnline => "child-online",
            Step::ChildVisit => "child-visit",
            Step::NoPhoneHelp => "no-phone",
        }
    }

    /// The step with a stable id.
    pub fn from_id(id: &str) -> Option<Step> {
        ALL_STEPS.into_iter().find(|s| s.id() == id)
    }

    /// Optional steps are marked as such.
    pub fn is_optional(self) -> bool {
        matches!(self, Step::PortalLogin)
    }

    /// True when this step is an alternative to the step before it ("or").
    pub fn is_alternative_to_previous(self, previous: Option<Step>) -> bool {
        self == Step::Level2InPerson && previous == Some(Step::Level1InApp)
    }
}

/// Something to bring.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Document {
    /// The chip ID card (mandatory).
    ChipCard,
    /// Papers to integrate into the account (optional).
    Integrations,
    /// Form CC01, signed by the parent or legal representative.
    FormCc01,
}

/// What happens after the steps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Next {
    /// The approval SMS (and what to do if none comes).
    Sms,
    /// Activation and first log-in.
    Activate,
    /// Level 2 can follow later in person.
    Level2Later,
    /// The card application is processed by the police.
    CardResult,
    /// Nothing to do now; keep the card safe.
    KeepCardSafe,
}

/// The personal checklist for complete answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// Which case this is.
    pub case: Case,
    /// The steps that apply, in order.
    pub steps: Vec<Step>,
    /// What to bring.
    pub documents: Vec<Document>,
    /// The service an office must offer for this case; `None` = no visit needed.
    pub service: Option<Service>,
    /// What happens next.
    pub next: Vec<Next>,
}

impl Plan {
    /// The campaign's offices that serve this case, in file order.
    pub fn offices<'a>(&self, offices: &'a [Office]) -> Vec<&'a Office> {
        match self.service {
            Some(service) => offices.iter().filter(|o| o.serves.contains(&service)).collect(),
            None => Vec::new(),
        }
    }

    /// Where to go for this case in `campaign`: its offices that serve it, or, when its
    /// document names none, the general rule (with that rule's own source).
    pub fn where_to_go<'a>(&self, campaign: &'a Campaign) -> WhereToGo<'a> {
        match self.service {
            None => WhereToGo::NoVisit,
            Some(service) => {
                let offices = self.offices(&campaign.offices);
                if offices.is_empty() {
                    WhereToGo::NotNamed { rule: general_rule(service) }
                } else {
                    WhereToGo::Offices { service, offices }
                }
            }
        }
    }
}

/// The answer to "where do I go?" for one case and campaign.
#[derive(Clone, Debug, PartialEq)]
pub enum WhereToGo<'a> {
    /// No visit is needed (level 1, a child who has a card).
    NoVisit,
    /// The campaign's own offices for the case; each records the section that says it serves it.
    Offices {
        /// The service the case needs (its `serves.<service>` source is shown with each office).
        service: Service,
        /// The offices, in file order.
        offices: Vec<&'a Office>,
    },
    /// The campaign's document names no place for the case: the general rule, from another document.
    NotNamed {
        /// The rule to show instead, with its source.
        rule: Fact,
    },
}

/// The general rule shown for `service` when a campaign's document names no place for it.
pub fn general_rule(service: Service) -> Fact {
    match service {
        Service::IdCard => Fact::WhereRuleIdCard,
        Service::ChildCard => Fact::WhereRuleChild,
        Service::OnlineApplication => Fact::WhereRuleOnline,
        Service::Level2WithCard | Service::Guidance => Fact::WhereRuleLevel2,
        Service::NoSmartphone => Fact::WhereRuleNoPhone,
    }
}

/// The `serves` key of a service in campaign files (`id_card`), as used in `source` fields.
pub fn service_key(service: Service) -> &'static str {
    match service {
        Service::Level2WithCard => "level2_with_card",
        Service::IdCard => "id_card",
        Service::ChildCard => "child_card",
        Service::OnlineApplication => "online_application",
        Service::Guidance => "guidance",
        Service::NoSmartphone => "no_smartphone",
    }
}

impl Case {
    /// The statement that explains this case, with its source.
    pub fn fact(self) -> Fact {
        match self {
            Case::ChildUnder6 => Fact::CaseChildUnder6,
            Case::Child6To14 => Fact::CaseChild6To14,
            Case::ChildHasCard => Fact::CaseChildHasCard,
            Case::AdultNoCard => Fact::CaseAdultNoCard,
            Case::AdultLostCard => Fact::CaseAdultLostCard,
            Case::Level1 => Fact::CaseLevel1,
            Case::Level2WithCard => Fact::CaseLevel2,
            Case::NoSmartphone => Fact::CaseNoPhone,
        }
    }
}

impl Step {
    /// The statement of this step, with its source.
    pub fn fact(self) -> Fact {
        match self {
            Step::Install => Fact::StepInstall,
            Step::Level1InApp => Fact::StepLevel1,
            Step::Level2InPerson => Fact::StepLevel2,
            Step::ApplyCard => Fact::StepApplyCard,
            Step::WaitSms => Fact::StepWaitSms,
            Step::Activate => Fact::StepActivate,
            Step::PortalLogin => Fact::StepPortal,
            Step::ChildApplyOnline => Fact::StepChildOnline,
            Step::ChildVisit => Fact::StepChildVisit,
            Step::NoPhoneHelp => Fact::StepNoPhone,
        }
    }
}

impl Document {
    /// The statement of this document, with its source.
    pub fn fact(self) -> Fact {
        match self {
            Document::ChipCard => Fact::DocRequiredCard,
            Document::Integrations => Fact::DocOptional,
            Document::FormCc01 => Fact::DocChild6To14,
        }
    }
}

impl Next {
    /// The statement of this "what next", with its source.
    pub fn fact(self) -> Fact {
        match self {
            Next::Sms => Fact::NextSms,
            Next::Activate => Fact::NextActivate,
            Next::Level2Later => Fact::NextLevel2Later,
            Next::CardResult => Fact::NextCardResult,
            Next::KeepCardSafe => Fact::NextKeepCard,
        }
    }
}

/// Every complete set of answers (each age × card, and from 14 each level).
pub fn all_answers() -> Vec<Answers> {
    let mut all = Vec::new();
    for age in Question::Age.choices() {
        for card in Question::Card.choices() {
            let base = Answers::default().with(Question::Age, age).with(Question::Card, card);
            if base.next_question().is_none() {
                all.push(base);
            } else {
                for level in Question::Level.choices() {
                    all.push(base.with(Question::Level, level));
                }
            }
        }
    }
    all
}

/// The set of ticked steps, stored on the device as a comma-separated list of step ids.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ticks {
    ids: Vec<String>,
}

impl Ticks {
    /// Reads a stored list; unknown or repeated ids are dropped.
    pub fn parse(stored: &str) -> Ticks {
        let mut ticks = Ticks::default();
        for id in stored.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            if ALL_STEPS.iter().any(|s| s.id() == id) && !ticks.ids.iter().any(|t| t == id) {
                ticks.ids.push(id.to_string());
            }
        }
        ticks
    }

    /// The list to store.
    pub fn to_stored(&self) -> String {
        self.ids.join(",")
    }

    /// Whether `step` is ticked.
    pub fn contains(&self, step: Step) -> bool {
        self.ids.iter().any(|t| t == step.id())
    }

    /// Ticks or unticks `step`.
    pub fn set(&mut self, step: Step, done: bool) {
        self.ids.retain(|t| t != step.id());
        if done {
            self.ids.push(step.id().to_string());
        }
    }

    /// How many steps are ticked.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// True when nothing is ticked.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

const ALL_STEPS: [Step; 10] = [
    Step::NoPhoneHelp,
    Step::Install,
    Step::Level1InApp,
    Step::Level2InPerson,
    Step::ApplyCard,
    Step::WaitSms,
    Step::Activate,
    Step::PortalLogin,
    Step::ChildApplyOnline,
    Step::ChildVisit,
];

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(query: &str) -> Plan {
        Answers::from_query(query).plan().unwrap_or_else(|| panic!("no plan for {query}"))
    }

    #[test]
    fn questions_come_one_at_a_time_and_children_skip_the_level() {
        let mut a = Answers::default();
        assert_eq!(a.next_question(), Some(Question::Age));
        a = a.with(Question::Age, "14plus");
        assert_eq!(a.next_question(), Some(Question::Card));
        a = a.with(Question::Card, "have");
        assert_eq!(a.next_question(), Some(Question::Level));
        assert!(a.plan().is_none());
        a = a.with(Question::Level, "2");
        assert_eq!(a.next_question(), None);
        assert_eq!(a.to_query(), "age=14plus&card=have&level=2");

        let child = Answers::from_query("?age=6to14&card=none&level=2");
        assert_eq!(child.questions(), [Question::Age, Question::Card]);
        assert_eq!(child.next_question(), None);
        // A level left over from an earlier answer is not carried into a child's link.
        assert_eq!(child.to_query(), "age=6to14&card=none");
    }

    #[test]
    fn unknown_keys_and_values_are_ignored() {
        let a = Answers::from_query("age=99&card=have&x=1&level=3&&=");
        assert_eq!(a, Answers { age: None, card: Some(CardStatus::Have), level: None });
        assert!(!a.clone().set("card", "maybe"));
        for q in [Question::Age, Question::Card, Question::Level] {
            assert_eq!(Question::from_key(q.key()), Some(q));
            for code in q.choices() {
                assert_eq!(Answers::default().with(q, code).code(q), Some(*code), "{code} round-trips");
            }
        }
    }

    #[test]
    fn adults_with_a_card_choose_level_1_in_the_app_or_level_2_in_person() {
        let level2 = plan("age=14plus&card=have&level=2");
        assert_eq!(level2.case, Case::Level2WithCard);
        assert_eq!(level2.steps, [Step::Install, Step::Level2InPerson, Step::WaitSms, Step::Activate, Step::PortalLogin]);
        assert_eq!(level2.documents, [Document::ChipCard, Document::Integrations]);
        assert_eq!(level2.service, Some(Service::Level2WithCard));

        let level1 = plan("age=14plus&card=have&level=1");
        assert_eq!(level1.case, Case::Level1);
        assert!(level1.steps.contains(&Step::Level1InApp) && !level1.steps.contains(&Step::Level2InPerson));
        assert_eq!(level1.service, None, "level 1 needs no visit");
    }

    #[test]
    fn adults_without_a_usable_card_apply_for_one_with_level_2_integrated() {
        for (query, case) in [
            ("age=14plus&card=none&level=2", Case::AdultNoCard),
            ("age=14plus&card=lost&level=1", Case::AdultLostCard),
        ] {
            let p = plan(query);
            assert_eq!(p.case, case);
            assert!(p.steps.contains(&Step::ApplyCard));
            assert!(!p.documents.contains(&Document::ChipCard), "no card to bring");
            assert_eq!(p.service, Some(Service::IdCard));
        }
    }

    #[test]
    fn children_by_age_and_card() {
        let under6 = plan("age=under6&card=none");
        assert_eq!(under6.steps, [Step::ChildApplyOnline], "the child need not come in");
        assert_eq!(under6.service, Some(Service::OnlineApplication));
        let older = plan("age=6to14&card=lost");
        assert_eq!(older.steps, [Step::ChildApplyOnline, Step::ChildVisit]);
        assert_eq!(older.documents, [Document::FormCc01]);
        assert_eq!(older.service, Some(Service::ChildCard));
        let has = plan("age=under6&card=have");
        assert_eq!(has.case, Case::ChildHasCard);
        assert!(has.steps.is_empty());
    }

    #[test]
    fn offices_are_filtered_by_the_service_of_the_case() {
        let path = format!("{}/tests/fixtures/campaigns/hcm-q3-2023.json", env!("CARGO_MANIFEST_DIR"));
        let q3 = crate::domain::campaign::Campaign::from_json(&std::fs::read_to_string(path).unwrap()).unwrap();
        let ids = |query: &str| plan(query).offices(&q3.offices).iter().map(|o| o.id.as_str()).collect::<Vec<_>>();
        assert_eq!(ids("age=14plus&card=have&level=2"), ["district-team", "ward-police", "mobile-team"]);
        assert!(ids("age=14plus&card=have&level=1").is_empty());
        // District 3's plan (IV.1.1) sends people without a chip card to the district team or
        // the nearest commune-level police; it names no place for children.
        assert_eq!(ids("age=14plus&card=none&level=2"), ["district-team", "ward-police"]);
        assert!(ids("age=6to14&card=none").is_empty());
    }

    #[test]
    fn ticks_round_trip_and_ignore_junk() {
        let mut ticks = Ticks::parse("install, bogus,install,activate,");
        assert_eq!(ticks.to_stored(), "install,activate");
        assert!(ticks.contains(Step::Install) && !ticks.contains(Step::WaitSms));
        ticks.set(Step::WaitSms, true);
        ticks.set(Step::Install, false);
        assert_eq!(Ticks::parse(&ticks.to_stored()), ticks);
        assert_eq!(ticks.len(), 2);
        assert!(Ticks::parse("").is_empty());
    }
}
