//! Help: after you apply (the genuine approval SMS, no SMS, activation, the activation
//! cases of the Hà Nội plan), account problems (general advice, marked as such), scam
//! warnings and the information channels the campaign's document names. The
//! documents' contact phones are for units to report and coordinate, so they are
//! shown in staff mode, not here.

use leptos::prelude::*;

use crate::app::{current_lang, AppState};
use crate::components::page_title::PageTitle;
use crate::components::source_note::{FactSource, FileSource};
use crate::components::tr::tr;
use crate::domain::guidance::Fact;
use crate::i18n::*;

/// The approval SMS exactly as the Ministry sends it (seed 004, Appendix 1).
pub const APPROVAL_SMS: &str = "Cục Cảnh sát QLHC về TTXH thông báo: Hồ sơ đăng ký tài khoản định danh điện tử của công dân ***** đã được phê duyệt. Đề nghị truy cập ứng dụng VNeID hoặc địa chỉ https://vneid.gov.vn để kích hoạt tài khoản.";

/// The help page.
#[component]
pub fn HelpPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = expect_context::<AppState>();
    let channels = move || {
        let channels = state.campaign().channels;
        (!channels.is_empty()).then(|| {
            view! {
                <section class="card" id="channels">
                    <h2>{tr(|l| td_string!(l, help.channels_title))}</h2>
                    <ul>
                        {channels
                            .into_iter()
                            .map(|c| view! { <li>{c.name.get(current_lang()).to_string()} <FileSource source=c.source/></li> })
                            .collect_view()}
                    </ul>
                </section>
            }
        })
    };
    view! {
        <PageTitle heading=Signal::derive(move || t_string!(i18n, help.title).to_string())/>
        <h1>{tr(|l| td_string!(l, help.title))}</h1>
        <section class="card" id="after" aria-labelledby="after-title">
            <h2 id="after-title">{tr(|l| td_string!(l, help.after_title))}</h2>
            <h3>{tr(|l| td_string!(l, help.sms_title))}</h3>
            <p>{tr(|l| td_string!(l, help.sms_intro))}</p>
            <p class="sms" lang="vi">{APPROVAL_SMS}</p>
            <p class="muted">{tr(|l| td_string!(l, help.sms_stars))}</p>
            <FactSource fact=Fact::HelpSms/>
            <h3>{tr(|l| td_string!(l, help.no_sms_title))}</h3>
            <p>{tr(|l| td_string!(l, help.no_sms_body))}</p>
            <FactSource fact=Fact::HelpNoSms/>
            <p>{tr(|l| td_string!(l, help.ask_police))}</p>
            <FactSource fact=Fact::HelpAskPolice/>
            <h3>{tr(|l| td_string!(l, help.activate_title))}</h3>
            <p>{tr(|l| td_string!(l, help.activate_body))}</p>
            <FactSource fact=Fact::HelpActivate/>
        </section>
        <section class="card" id="cases" aria-labelledby="cases-title">
            <h2 id="cases-title">{tr(|l| td_string!(l, help.cases_title))}</h2>
            {topic(|l| td_string!(l, help.case_pending_title), |l| td_string!(l, help.case_pending_body), Fact::HelpCasePending)}
            {topic(|l| td_string!(l, help.case_new_card_title), |l| td_string!(l, help.case_new_card_body), Fact::HelpCaseNewCard)}
            {topic(|l| td_string!(l, help.case_card_held_title), |l| td_string!(l, help.case_card_held_body), Fact::HelpCaseCardHeld)}
        </section>
        <section class="card" aria-labelledby="topics-title">
            <h2 id="topics-title">{tr(|l| td_string!(l, help.topics_title))}</h2>
            <p>{tr(|l| td_string!(l, help.topics_note))}</p>
            <FactSource fact=Fact::HelpTopics/>
            <p><strong>{tr(|l| td_string!(l, help.topics_where))}</strong></p>
            {topic(|l| td_string!(l, help.topic_password), |l| td_string!(l, help.topic_password_body), Fact::HelpTopics)}
            {topic(|l| td_string!(l, help.topic_phone_number), |l| td_string!(l, help.topic_phone_number_body), Fact::HelpTopics)}
            {topic(|l| td_string!(l, help.topic_new_phone), |l| td_string!(l, help.topic_new_phone_body), Fact::HelpTopics)}
            {topic(|l| td_string!(l, help.topic_locked), |l| td_string!(l, help.topic_locked_body), Fact::HelpTopics)}
        </section>
        <section class="warning">
            <h2>{tr(|l| td_string!(l, help.scam_title))}</h2>
            <ul>
                <li>{tr(|l| td_string!(l, help.scam_store))} <FactSource fact=Fact::ScamStore/></li>
                <li>{tr(|l| td_string!(l, help.scam_sms))} <FactSource fact=Fact::ScamSms/></li>
                <li>{tr(|l| td_string!(l, help.scam_qr))} <FactSource fact=Fact::ScamQr/></li>
            </ul>
        </section>
        {channels}
    }
}

/// One topic as a native disclosure (keyboard and screen-reader friendly without script), with its source.
fn topic(title: fn(Locale) -> &'static str, body: fn(Locale) -> &'static str, fact: Fact) -> impl IntoView {
    view! {
        <details class="topic">
            <summary>{tr(title)}</summary>
            <p>{tr(body)}</p>
            <FactSource fact/>
        </details>
    }
}
