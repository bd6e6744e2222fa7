//! Help: the genuine approval SMS, scam warnings and the campaign's contacts.

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
        <section class="card">
            <h2>{tr(|l| td_string!(l, help.sms_title))}</h2>
            <p>{tr(|l| td_string!(l, help.sms_intro))}</p>
            <p class="sms" lang="vi">{APPROVAL_SMS}</p>
            <p class="muted">{tr(|l| td_string!(l, help.sms_stars))}</p>
        </section>
        <section class="warning">
            <h2>{tr(|l| td_string!(l, help.scam_title))}</h2>
            <ul>
                <li>{tr(|l| td_string!(l, help.scam_store))}</li>
                <li>{tr(|l| td_string!(l, help.scam_calls))}</li>
                <li>{tr(|l| td_string!(l, help.scam_qr))}</li>
            </ul>
        </section>
        <section class="card">
            <h2>{tr(|l| td_string!(l, help.contacts_title))}</h2>
            {contacts}
        </section>
    }
}
