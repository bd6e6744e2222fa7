//! Help: after you apply (the genuine approval SMS, no SMS, activation, the activation
//! cases of the Hà Nội plan), account problems (general advice, marked as such), scam
//! warnings and the information channels the campaign's document names. The
//! documents' contact phones are for units to report and coordinate, so they are
//! shown in staff mode, not here.

use leptos::prelude::*;

use crate::domain::guidance::Fact;
use crate::i18n::*;
use crate::site::context::{current, text, tx};
use crate::site::parts::{FactSource, FileSource};

/// The approval SMS exactly as the Ministry sends it (seed 004, Appendix 1).
pub const APPROVAL_SMS: &str = "Cục Cảnh sát QLHC về TTXH thông báo: Hồ sơ đăng ký tài khoản định danh điện tử của công dân ***** đã được phê duyệt. Đề nghị truy cập ứng dụng VNeID hoặc địa chỉ https://vneid.gov.vn để kích hoạt tài khoản.";

/// One topic as a native disclosure, with its source.
fn topic(title: &'static str, body: &'static str, fact: Fact) -> impl IntoView {
    view! {
        <details class="topic">
            <summary>{title}</summary>
            <p>{body}</p>
            <FactSource fact/>
        </details>
    }
}

/// The help page.
pub fn page() -> (String, AnyView) {
    let p = current();
    let heading = tx(|l| td_string!(l, help.title)).to_string();
    let channels = (!p.campaign.channels.is_empty()).then(|| {
        let items = p
            .campaign
            .channels
            .iter()
            .map(|c| view! { <li>{text(&c.name)} <FileSource source=c.source.clone()/></li> })
            .collect_view();
        view! {
            <section class="card" id="channels">
                <h2>{tx(|l| td_string!(l, help.channels_title))}</h2>
                <ul>{items}</ul>
            </section>
        }
    });
    let body = view! {
        <h1>{heading.clone()}</h1>
        <section class="card" id="after" aria-labelledby="after-title">
            <h2 id="after-title">{tx(|l| td_string!(l, help.after_title))}</h2>
            <h3>{tx(|l| td_string!(l, help.sms_title))}</h3>
            <p>{tx(|l| td_string!(l, help.sms_intro))}</p>
            <p class="sms" lang="vi">{APPROVAL_SMS}</p>
            <p class="muted">{tx(|l| td_string!(l, help.sms_stars))}</p>
            <FactSource fact=Fact::HelpSms/>
            <h3>{tx(|l| td_string!(l, help.no_sms_title))}</h3>
            <p>{tx(|l| td_string!(l, help.no_sms_body))}</p>
            <FactSource fact=Fact::HelpNoSms/>
            <p>{tx(|l| td_string!(l, help.ask_police))}</p>
            <FactSource fact=Fact::HelpAskPolice/>
            <h3>{tx(|l| td_string!(l, help.activate_title))}</h3>
            <p>{tx(|l| td_string!(l, help.activate_body))}</p>
            <FactSource fact=Fact::HelpActivate/>
        </section>
        <section class="card" id="cases" aria-labelledby="cases-title">
            <h2 id="cases-title">{tx(|l| td_string!(l, help.cases_title))}</h2>
            {topic(tx(|l| td_string!(l, help.case_pending_title)), tx(|l| td_string!(l, help.case_pending_body)), Fact::HelpCasePending)}
            {topic(tx(|l| td_string!(l, help.case_new_card_title)), tx(|l| td_string!(l, help.case_new_card_body)), Fact::HelpCaseNewCard)}
            {topic(tx(|l| td_string!(l, help.case_card_held_title)), tx(|l| td_string!(l, help.case_card_held_body)), Fact::HelpCaseCardHeld)}
        </section>
        <section class="card" aria-labelledby="topics-title">
            <h2 id="topics-title">{tx(|l| td_string!(l, help.topics_title))}</h2>
            <p>{tx(|l| td_string!(l, help.topics_note))}</p>
            <FactSource fact=Fact::HelpTopics/>
            <p><strong>{tx(|l| td_string!(l, help.topics_where))}</strong></p>
            {topic(tx(|l| td_string!(l, help.topic_password)), tx(|l| td_string!(l, help.topic_password_body)), Fact::HelpTopics)}
            {topic(tx(|l| td_string!(l, help.topic_phone_number)), tx(|l| td_string!(l, help.topic_phone_number_body)), Fact::HelpTopics)}
            {topic(tx(|l| td_string!(l, help.topic_new_phone)), tx(|l| td_string!(l, help.topic_new_phone_body)), Fact::HelpTopics)}
            {topic(tx(|l| td_string!(l, help.topic_locked)), tx(|l| td_string!(l, help.topic_locked_body)), Fact::HelpTopics)}
        </section>
        <section class="warning">
            <h2>{tx(|l| td_string!(l, help.scam_title))}</h2>
            <ul>
                <li>{tx(|l| td_string!(l, help.scam_store))} <FactSource fact=Fact::ScamStore/></li>
                <li>{tx(|l| td_string!(l, help.scam_sms))} <FactSource fact=Fact::ScamSms/></li>
                <li>{tx(|l| td_string!(l, help.scam_qr))} <FactSource fact=Fact::ScamQr/></li>
            </ul>
        </section>
        {channels}
    };
    (heading, body.into_any())
}
