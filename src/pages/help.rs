//! Help: after you apply (the genuine approval SMS, no SMS, activation), account
//! problems, scam warnings and the campaign's contacts.

use leptos::prelude::*;

use crate::app::{current_lang, AppState};
use crate::components::page_title::PageTitle;
use crate::domain::campaign::tel_href;
use crate::components::tr::tr;
use crate::i18n::*;

/// The approval SMS exactly as the Ministry sends it (seed 004, Appendix 1).
pub const APPROVAL_SMS: &str = "Cục Cảnh sát QLHC về TTXH thông báo: Hồ sơ đăng ký tài khoản định danh điện tử của công dân ***** đã được phê duyệt. Đề nghị truy cập ứng dụng VNeID hoặc địa chỉ https://vneid.gov.vn để kích hoạt tài khoản.";

/// The help page.
#[component]
pub fn HelpPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = expect_context::<AppState>();
    let contacts = move || {
        let contacts = state.campaign().contacts;
        if contacts.is_empty() {
            return view! { <p>{tr(|l| td_string!(l, help.contacts_none))}</p> }.into_any();
        }
        view! {
            <ul>
                {contacts
                    .into_iter()
                    .map(|c| view! {
                        <li>
                            <p>{c.role.get(current_lang()).to_string()}</p>
                            <a class="tel" href=tel_href(&c.phone)>{c.phone.clone()}</a>
                        </li>
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
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
            <h3>{tr(|l| td_string!(l, help.no_sms_title))}</h3>
            <p>{tr(|l| td_string!(l, help.no_sms_body))}</p>
            <h3>{tr(|l| td_string!(l, help.activate_title))}</h3>
            <p>{tr(|l| td_string!(l, help.activate_body))}</p>
        </section>
        <section class="card" aria-labelledby="topics-title">
            <h2 id="topics-title">{tr(|l| td_string!(l, help.topics_title))}</h2>
            <p>{tr(|l| td_string!(l, help.topics_note))}</p>
            <p><strong>{tr(|l| td_string!(l, help.topics_where))}</strong></p>
            {topic(|l| td_string!(l, help.topic_password), |l| td_string!(l, help.topic_password_body))}
            {topic(|l| td_string!(l, help.topic_passcode), |l| td_string!(l, help.topic_passcode_body))}
            {topic(|l| td_string!(l, help.topic_phone_number), |l| td_string!(l, help.topic_phone_number_body))}
            {topic(|l| td_string!(l, help.topic_new_phone), |l| td_string!(l, help.topic_new_phone_body))}
            {topic(|l| td_string!(l, help.topic_nfc), |l| td_string!(l, help.topic_nfc_body))}
            {topic(|l| td_string!(l, help.topic_locked), |l| td_string!(l, help.topic_locked_body))}
        </section>
        <section class="warning">
            <h2>{tr(|l| td_string!(l, help.scam_title))}</h2>
            <ul>
                <li>{tr(|l| td_string!(l, help.scam_store))}</li>
                <li>{tr(|l| td_string!(l, help.scam_calls))}</li>
                <li>{tr(|l| td_string!(l, help.scam_qr))}</li>
            </ul>
        </section>
        <section class="card" id="contacts">
            <h2>{tr(|l| td_string!(l, help.contacts_title))}</h2>
            {contacts}
        </section>
    }
}

/// One account problem as a native disclosure (keyboard and screen-reader friendly without script).
fn topic(title: fn(Locale) -> &'static str, body: fn(Locale) -> &'static str) -> impl IntoView {
    view! {
        <details class="topic">
            <summary>{tr(title)}</summary>
            <p>{tr(body)}</p>
        </details>
    }
}
