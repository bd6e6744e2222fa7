//! Every statement of built-in guidance a citizen reads, with where it comes from.
//!
//! Each [`Fact`] names the translation keys that make up one statement (a step
//! with its sub-steps, an age rule, a scam warning) and its [`Basis`]: the
//! documents and sections it is written from, or nothing for general advice,
//! which the page then labels as such. The native tests check that every
//! guidance string in `locales/*.json` belongs to a fact.

use super::sources::{cite, identity_law, Basis, SeedDoc};

use SeedDoc::{BinhThanhLetter as BT, DuyenHaiPlan as DH, HanoiPlan as HN, Q3Plan as Q3};

const NONE: Basis = &[];

macro_rules! facts {
    ($( $(#[doc = $doc:literal])* $variant:ident => [$($key:literal),+ $(,)?], $basis:expr; )*) => {
        /// A statement of built-in guidance (see the module documentation).
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Fact {
            $( $(#[doc = $doc])* $variant, )*
        }

        impl Fact {
            /// Every fact.
            pub const ALL: &'static [Fact] = &[$(Fact::$variant),*];

            /// The translation keys the statement is made of (the first is its main text).
            pub fn keys(self) -> &'static [&'static str] {
                match self { $(Fact::$variant => &[$($key),+],)* }
            }

            /// Where it comes from; empty for general advice.
            pub fn basis(self) -> Basis {
                match self { $(Fact::$variant => { const BASIS: Basis = $basis; BASIS })* }
            }
        }
    };
}

facts! {
    /// Install VNeID from the official stores.
    StepInstall => ["steps.install_body"], &[cite(BT, "PL1.1")];
    /// Level 1 in the app, four steps.
    StepLevel1 => ["guide.level1_step1", "guide.level1_step2", "guide.level1_step3", "guide.level1_step4"], &[cite(BT, "PL1.2.a")];
    /// Level 2 in person, four steps, and where to go with or without a valid card.
    StepLevel2 => ["guide.level2_step1", "guide.level2_step2", "guide.level2_step3", "guide.level2_step4", "guide.with_card", "guide.without_card"], &[cite(BT, "PL1.2.b")];
    /// Apply for the card in person; level 2 is set up at the same time.
    StepApplyCard => ["steps.apply_card_body"], &[cite(Q3, "IV.1.1"), cite(BT, "PL1.2.b"), identity_law("III.6")];
    /// The approval SMS comes only when the result is "approved".
    StepWaitSms => ["steps.wait_sms_body"], &[cite(BT, "PL1.2"), cite(Q3, "IV.1.1")];
    /// Activate and log in; only then does it count.
    StepActivate => ["steps.activate_body", "guide.done_note"], &[cite(BT, "PL1.2"), cite(BT, "1.a")];
    /// Log in to the National Public Service Portal with VNeID.
    StepPortal => ["steps.portal_body"], &[cite(Q3, "IV.1.3"), cite(DH, "II.3.2"), cite(HN, "II.1")];
    /// Children: the parent or legal representative applies online.
    StepChildOnline => ["steps.child_online_body"], &[identity_law("III.6")];
    /// Children 6 to under 14: brought to the district police; form CC01.
    StepChildVisit => ["steps.child_visit_body"], &[identity_law("III.6")];
    /// Without a smartphone: the police help to register and activate.
    StepNoPhone => ["steps.no_phone_body"], &[cite(DH, "II.3.2")];
    /// The guide's order: level 1 on the phone, level 2 at a police office.
    GuideIntro => ["guide.intro"], &[cite(BT, "1.a"), cite(BT, "PL1.2")];
    /// The chip ID card is required.
    DocRequiredCard => ["documents.required_card"], &[cite(Q3, "III.6.1"), cite(BT, "PL1.2.b")];
    /// Papers to add to the account, optional.
    DocOptional => ["documents.opt_health", "documents.opt_social", "documents.opt_licence", "documents.opt_vehicle", "documents.opt_tax", "check.doc_integrations"], &[cite(Q3, "III.6.1"), cite(BT, "PL1.2.b")];
    /// Under 6: online only.
    DocChildUnder6 => ["documents.child_under6"], &[identity_law("III.6")];
    /// 6 to under 14: online, then the district police, form CC01.
    DocChild6To14 => ["documents.child_6to14", "documents.cc01"], &[identity_law("III.6")];
    /// 14 and over: the card is mandatory; with a chip card, a new card only if lost, when needed.
    DocAdult14 => ["documents.adult_14"], &[identity_law("III.6")];
    /// Undetermined nationality: the Identity Certificate.
    DocUndetermined => ["documents.undetermined"], &[identity_law("II.2")];
    /// Level 1 and level 2 in one line each.
    HomeLevels => ["home.level1", "home.level2"], &[cite(BT, "1.a"), cite(HN, "0")];
    /// Case: under 6.
    CaseChildUnder6 => ["check.case_child_under6"], &[identity_law("III.6")];
    /// Case: 6 to under 14.
    CaseChild6To14 => ["check.case_child_6to14"], &[identity_law("III.6")];
    /// Case: a child who already has a card.
    CaseChildHasCard => ["check.case_child_has_card"], NONE;
    /// Case: 14 and over without a card.
    CaseAdultNoCard => ["check.case_adult_no_card"], &[cite(Q3, "IV.1.1"), cite(BT, "PL1.2.b"), identity_law("III.6")];
    /// Case: 14 and over, card lost or damaged.
    CaseAdultLostCard => ["check.case_adult_lost_card"], &[cite(BT, "PL1.2.b"), identity_law("III.6")];
    /// Case: level 1 in the app.
    CaseLevel1 => ["check.case_level1"], &[cite(BT, "1.a"), cite(BT, "PL1.2.a")];
    /// Case: level 2 with a valid card.
    CaseLevel2 => ["check.case_level2"], &[cite(Q3, "III.6.2"), cite(BT, "1.a"), cite(BT, "PL1.2.b")];
    /// Case: no smartphone.
    CaseNoPhone => ["check.case_no_phone"], &[cite(DH, "II.3.2")];
    /// Next: the SMS.
    NextSms => ["check.next_sms"], &[cite(BT, "PL1.2")];
    /// Next: activate and log in.
    NextActivate => ["check.next_activate"], &[cite(BT, "PL1.2"), cite(BT, "1.a")];
    /// Next: level 2 later, in person.
    NextLevel2Later => ["check.next_level2_later"], &[cite(BT, "1.a")];
    /// Next: the card application is processed.
    NextCardResult => ["check.next_card_result"], NONE;
    /// Next: keep the card safe.
    NextKeepCard => ["check.next_keep_card"], NONE;
    /// General rule: where to apply for a card.
    WhereRuleIdCard => ["check.where_rule_id_card"], &[cite(BT, "PL1.2.b")];
    /// General rule: where a child is brought.
    WhereRuleChild => ["check.where_rule_child"], &[identity_law("III.6")];
    /// General rule: the online application.
    WhereRuleOnline => ["check.where_rule_online"], &[identity_law("III.6")];
    /// General rule: level 2 with a valid card, anywhere.
    WhereRuleLevel2 => ["check.where_rule_level2"], &[cite(BT, "1.a"), cite(BT, "PL1.2.b")];
    /// General rule: no smartphone.
    WhereRuleNoPhone => ["check.where_rule_no_phone"], &[cite(DH, "II.3.2")];
    /// The genuine SMS, its sender and the starred name.
    HelpSms => ["help.sms_intro", "help.sms_stars"], &[cite(BT, "PL1.2"), cite(Q3, "IV.1.1")];
    /// No SMS: it comes only when approved.
    HelpNoSms => ["help.no_sms_body"], &[cite(BT, "PL1.2")];
    /// Ask the grassroots police, who are tasked to help with activation.
    HelpAskPolice => ["help.ask_police"], &[cite(HN, "III.3"), cite(HN, "V.1")];
    /// How to activate.
    HelpActivate => ["help.activate_body"], &[cite(BT, "PL1.2"), cite(BT, "1.a")];
    /// Activation case: an application already waiting for approval.
    HelpCasePending => ["help.case_pending_title", "help.case_pending_body"], &[cite(HN, "III.2"), cite(BT, "PL1.2")];
    /// Activation case: together with a new, renewed or reissued card.
    HelpCaseNewCard => ["help.case_new_card_title", "help.case_new_card_body"], &[cite(HN, "III.2"), cite(HN, "III.3")];
    /// Activation case: the chip card is already held.
    HelpCaseCardHeld => ["help.case_card_held_title", "help.case_card_held_body"], &[cite(HN, "III.2"), cite(BT, "PL1.2.b")];
    /// Account problems: the documents do not cover them; general advice.
    HelpTopics => ["help.topics_note", "help.topics_where", "help.topic_password_body", "help.topic_phone_number_body", "help.topic_new_phone_body", "help.topic_locked_body"], NONE;
    /// Scam: official stores only.
    ScamStore => ["help.scam_store"], &[cite(BT, "PL1.1")];
    /// Scam: the genuine SMS names its sender and points to VNeID or vneid.gov.vn.
    ScamSms => ["help.scam_sms"], &[cite(BT, "PL1.2")];
    /// Scam: check the address a QR code opens.
    ScamQr => ["help.scam_qr"], NONE;
    /// An ended campaign: ask before you go.
    EndedNote => ["status.ended_note"], NONE;
}

/// The guidance keys of `locales/*.json`: every key under these prefixes must belong to a [`Fact`].
pub const GUIDANCE_PREFIXES: &[&str] = &[
    "steps.install_body",
    "steps.apply_card_body",
    "steps.wait_sms_body",
    "steps.activate_body",
    "steps.portal_body",
    "steps.child_online_body",
    "steps.child_visit_body",
    "steps.no_phone_body",
    "guide.",
    "documents.",
    "home.level1",
    "home.level2",
    "check.case_",
    "check.next_",
    "check.where_rule_",
    "check.doc_",
    "help.",
    "status.ended_note",
];

/// Keys under [`GUIDANCE_PREFIXES`] that are headings or labels, not statements.
pub const NOT_STATEMENTS: &[&str] = &[
    "guide.title",
    "documents.title",
    "documents.required_title",
    "documents.optional_title",
    "documents.children_title",
    "help.title",
    "help.sms_title",
    "help.scam_title",
    "help.after_title",
    "help.no_sms_title",
    "help.activate_title",
    "help.topics_title",
    "help.cases_title",
    "help.channels_title",
    "check.next_title",
    "help.topic_password",
    "help.topic_phone_number",
    "help.topic_new_phone",
    "help.topic_locked",
];

/// The fact a translation key belongs to.
pub fn fact_of(key: &str) -> Option<Fact> {
    Fact::ALL.iter().copied().find(|f| f.keys().contains(&key))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::handout::HandoutTexts;
    use crate::domain::sources::{Section, Word};

    fn locale(lang: &str) -> HandoutTexts {
        let path = format!("{}/locales/{lang}.json", env!("CARGO_MANIFEST_DIR"));
        HandoutTexts::from_locale_json(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    #[test]
    fn every_guidance_string_is_tied_to_a_source_or_marked_general() {
        for lang in ["vi", "en"] {
            let texts = locale(lang);
            let mut unowned = Vec::new();
            for key in texts.keys() {
                let guidance = GUIDANCE_PREFIXES.iter().any(|p| key.starts_with(p));
                if guidance && !NOT_STATEMENTS.contains(&key.as_str()) && fact_of(key).is_none() {
                    unowned.push(key.clone());
                }
            }
            assert!(unowned.is_empty(), "{lang}: guidance strings with no source and not marked general advice: {unowned:?}");
            for fact in Fact::ALL {
                for key in fact.keys() {
                    assert!(texts.has(key), "{lang}: {fact:?} names {key}, which the locale lacks");
                }
            }
        }
    }

    #[test]
    fn every_cited_section_is_well_formed_and_every_word_translated() {
        for fact in Fact::ALL {
            for c in fact.basis() {
                assert!(Section(c.section.to_string()).is_valid() || c.section == "0", "{fact:?}: {}", c.section);
            }
        }
        for lang in ["vi", "en"] {
            let texts = locale(lang);
            for word in Word::all() {
                assert!(texts.has(word.locale_key()), "{lang}: {} missing", word.locale_key());
            }
        }
    }

    #[test]
    fn a_key_belongs_to_one_fact_only() {
        let mut seen = std::collections::BTreeMap::new();
        for fact in Fact::ALL {
            for key in fact.keys() {
                assert!(seen.insert(*key, *fact).is_none(), "{key} is in two facts");
            }
        }
    }
}
