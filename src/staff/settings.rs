//! This device (label, staff name), units added on devices, targets, and the campaign's facts.

use leptos::prelude::*;

use super::{meta_keys, now, StaffState};
use crate::app::{current_lang, AppState};
use crate::components::tr::tr;
use crate::domain::tally::exchange::MAX_TEXT_CHARS;
use crate::domain::tally::ledger::{Change, LocalUnit, TargetSetting};
use crate::domain::tally::progress::{all_units, new_unit_id, resolved_targets};
use crate::domain::tally::stamp::Stamp;
use crate::domain::tally::store::TallyStore;
use crate::domain::tally::validate::MAX_DAILY_COUNT;
use crate::i18n::*;

fn clean_text(raw: &str) -> Result<String, ()> {
    let t = raw.trim();
    if t.is_empty() || t.chars().count() > MAX_TEXT_CHARS || t.chars().any(|c| c.is_control() || c == '<' || c == '>') {
        Err(())
    } else {
        Ok(t.to_string())
    }
}

/// Settings and campaign facts.
#[component]
pub fn SettingsSection() -> impl IntoView {
    let i18n = use_i18n();
    let app = expect_context::<AppState>();
    let staff = expect_context::<StaffState>();
    let campaign = super::shown_campaign(&app);
    let label = RwSignal::new(staff.device_label.get_untracked());
    let name = RwSignal::new(staff.staff_name.get_untracked());
    let device_saved = RwSignal::new(None::<bool>);
    let save_device = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        let (l, n) = (label.get_untracked().trim().to_string(), name.get_untracked().trim().to_string());
        let ok = |s: &str| s.is_empty() || clean_text(s).is_ok();
        if !ok(&l) || !ok(&n) {
            device_saved.set(Some(false));
            return;
        }
        wasm_bindgen_futures::spawn_local(async move {
            let store = staff.store();
            let a = store.set_meta(meta_keys::DEVICE_LABEL, &l).await;
            let b = store.set_meta(meta_keys::STAFF_NAME, &n).await;
            staff.device_label.set(l);
            staff.staff_name.set(n);
            device_saved.set(Some(a.is_ok() && b.is_ok()));
        });
    };

    let unit_name = RwSignal::new(String::new());
    let unit_error = RwSignal::new(false);
    let add_unit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        let Ok(name) = clean_text(&unit_name.get_untracked()) else {
            unit_error.set(true);
            return;
        };
        unit_error.set(false);
        let c = campaign.get_untracked();
        let taken = staff.ledger.with_untracked(|l| all_units(&c, l));
        let id = new_unit_id(&name, &taken);
        let unit = LocalUnit { id, name, modified: Stamp::new(now()), device: staff.device_id.get_untracked() };
        wasm_bindgen_futures::spawn_local(async move {
            if staff.commit(&c.id, vec![Change::PutUnit(unit)]).await.is_ok() {
                unit_name.set(String::new());
            }
        });
    };

    let target_rows = move || {
        let c = campaign.get();
        let lang = current_lang();
        let units = staff.ledger.with(|l| all_units(&c, l));
        let targets = staff.ledger.with(|l| resolved_targets(&c, l));
        targets
            .into_iter()
            .map(|rt| {
                let indicator = c.indicators.iter().find(|i| i.id == rt.indicator).map(|i| i.name.get(lang).to_string()).unwrap_or_default();
                let unit = rt.unit.as_ref().and_then(|id| units.iter().find(|u| &u.id == id)).map(|u| u.name(lang).to_string());
                let phase = rt.phase.as_ref().and_then(|id| c.phases.iter().find(|p| &p.id == id)).map(|p| p.name.get(lang).to_string());
                let description = rt.file_index.and_then(|i| c.targets.get(i)).map(|t| t.description.get(lang).to_string());
                let input_id = format!("target-{}", rt.key.replace(':', "-"));
                let value = RwSignal::new(rt.count.map(|n| n.to_string()).unwrap_or_default());
                let error = RwSignal::new(false);
                let saved = RwSignal::new(false);
                let key = rt.key.clone();
                let (ind, u, p) = (rt.indicator.clone(), rt.unit.clone(), rt.phase.clone());
                let campaign_id = c.id.clone();
                let save = move |ev: web_sys::SubmitEvent| {
                    ev.prevent_default();
                    let raw = value.get_untracked();
                    let raw = raw.trim();
                    let count = raw.parse::<u64>().ok().filter(|n| raw.bytes().all(|b| b.is_ascii_digit()) && *n <= MAX_DAILY_COUNT * 10_000);
                    let Some(count) = count else {
                        error.set(true);
                        return;
                    };
                    error.set(false);
                    let setting = TargetSetting { key: key.clone(), indicator: ind.clone(), unit: u.clone(), phase: p.clone(), count, modified: Stamp::new(now()), device: staff.device_id.get_untracked() };
                    let campaign_id = campaign_id.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        saved.set(staff.commit(&campaign_id, vec![Change::PutTarget(setting)]).await.is_ok());
                    });
                };
                let whole = move || t_string!(i18n, staff.whole_campaign).to_string();
                let error_id = format!("{input_id}-error");
                let input_id_for_error = input_id.clone();
                view! {
                    <li class="target-setting">
                        <form on:submit=save class="inline-form">
                            <p><strong>{indicator}</strong> " · " {unit.unwrap_or_else(whole)} {phase.map(|p| format!(" · {p}"))}</p>
                            {description.map(|d| view! { <p class="muted">{d}</p> })}
                            {rt.percent.map(|pc| view! { <p class="muted">{tr(|l| td_string!(l, tally.file_percent))} " " {pc} "%"</p> })}
                            <label for=input_id.clone()>{tr(|l| td_string!(l, tally.target_count))}</label>
                            <input id=input_id type="text" inputmode="numeric" autocomplete="off"
                                aria-invalid=move || error.get().then_some("true")
                                aria-describedby=move || error.get().then(|| error_id.clone())
                                prop:value=move || value.get() on:input=move |ev| { value.set(event_target_value(&ev)); saved.set(false); }/>
                            <button type="submit">{tr(|l| td_string!(l, tally.save))}</button>
                            {
                                let error_id = format!("{}-error", input_id_for_error);
                                move || error.get().then(|| view! { <p class="field-error" id=error_id.clone()>{tr(|l| td_string!(l, tally.err_not_whole))}</p> })
                            }
                            {move || saved.get().then(|| view! { <span class="save-ok" role="status">"✓ " {tr(|l| td_string!(l, tally.saved_short))}</span> })}
                        </form>
                    </li>
                }
            })
            .collect_view()
    };

    // A target for an added unit (or any unit without one).
    let new_target_unit = RwSignal::new(String::new());
    let new_target_indicator = RwSignal::new(campaign.get_untracked().indicators.first().map(|i| i.id.clone()).unwrap_or_default());
    let new_target_count = RwSignal::new(String::new());
    let new_target_error = RwSignal::new(false);
    let add_target = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        let raw = new_target_count.get_untracked();
        let Some(count) = raw.trim().parse::<u64>().ok().filter(|n| *n > 0 && *n <= MAX_DAILY_COUNT * 10_000) else {
            new_target_error.set(true);
            return;
        };
        new_target_error.set(false);
        let c = campaign.get_untracked();
        let unit = Some(new_target_unit.get_untracked()).filter(|u| !u.is_empty());
        let indicator = new_target_indicator.get_untracked();
        let setting = TargetSetting {
            key: TargetSetting::local_key(&indicator, unit.as_deref(), None),
            indicator,
            unit,
            phase: None,
            count,
            modified: Stamp::new(now()),
            device: staff.device_id.get_untracked(),
        };
        wasm_bindgen_futures::spawn_local(async move {
            if staff.commit(&c.id, vec![Change::PutTarget(setting)]).await.is_ok() {
                new_target_count.set(String::new());
            }
        });
    };

    let local_units = move || {
        staff.ledger.with(|l| l.units.clone()).into_iter().map(|u| view! { <li>{u.name} <span class="muted">" (" {u.id} ")"</span></li> }).collect_view()
    };

    view! {
        <h2>{tr(|l| td_string!(l, tally.tab_settings))}</h2>
        <section class="card">
            <h3>{tr(|l| td_string!(l, tally.this_device))}</h3>
            <p class="muted">{tr(|l| td_string!(l, tally.device_id))} " " <code>{move || staff.device_id.get()}</code></p>
            <form on:submit=save_device>
                <div class="field">
                    <label for="device-label">{tr(|l| td_string!(l, tally.device_label))}</label>
                    <input id="device-label" type="text" maxlength="120" autocomplete="off" prop:value=move || label.get() on:input=move |ev| label.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="staff-name">{tr(|l| td_string!(l, tally.staff_name))}</label>
                    <input id="staff-name" type="text" maxlength="120" autocomplete="off" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                    <p class="hint">{tr(|l| td_string!(l, tally.staff_name_hint))}</p>
                </div>
                <div class="actions">
                    <button type="submit">{tr(|l| td_string!(l, tally.save))}</button>
                    <p role="status">{move || match device_saved.get() {
                        Some(true) => t_string!(i18n, tally.saved_short).to_string(),
                        Some(false) => t_string!(i18n, tally.err_text).to_string(),
                        None => String::new(),
                    }}</p>
                </div>
            </form>
        </section>
        <section class="card">
            <h3>{tr(|l| td_string!(l, tally.units_heading))}</h3>
            <p class="muted">{tr(|l| td_string!(l, tally.units_intro))}</p>
            <ul>{local_units}</ul>
            <form on:submit=add_unit>
                <div class="field">
                    <label for="new-unit">{tr(|l| td_string!(l, tally.new_unit))}</label>
                    <input id="new-unit" type="text" maxlength="120" autocomplete="off"
                        aria-invalid=move || unit_error.get().then_some("true")
                        aria-describedby=move || unit_error.get().then_some("new-unit-error")
                        prop:value=move || unit_name.get() on:input=move |ev| unit_name.set(event_target_value(&ev))/>
                    {move || unit_error.get().then(|| view! { <p class="field-error" id="new-unit-error">{tr(|l| td_string!(l, tally.err_text))}</p> })}
                </div>
                <button type="submit">{tr(|l| td_string!(l, tally.add_unit))}</button>
            </form>
        </section>
        <section class="card">
            <h3>{tr(|l| td_string!(l, staff.targets))}</h3>
            <p class="muted">{tr(|l| td_string!(l, tally.targets_intro))}</p>
            <ul class="plain">{target_rows}</ul>
            <form on:submit=add_target class="card">
                <h4>{tr(|l| td_string!(l, tally.add_target))}</h4>
                <div class="field">
                    <label for="new-target-indicator">{tr(|l| td_string!(l, staff.col_indicator))}</label>
                    <select id="new-target-indicator" on:change=move |ev| new_target_indicator.set(event_target_value(&ev))>
                        {move || { let lang = current_lang(); campaign.get().indicators.iter().map(|i| view! { <option value=i.id.clone()>{i.name.get(lang).to_string()}</option> }).collect_view() }}
                    </select>
                </div>
                <div class="field">
                    <label for="new-target-unit">{tr(|l| td_string!(l, staff.col_unit))}</label>
                    <select id="new-target-unit" on:change=move |ev| new_target_unit.set(event_target_value(&ev))>
                        <option value="">{tr(|l| td_string!(l, staff.whole_campaign))}</option>
                        {move || { let lang = current_lang(); staff.ledger.with(|l| all_units(&campaign.get(), l)).into_iter().map(|u| view! { <option value=u.id.clone()>{u.name(lang).to_string()}</option> }).collect_view() }}
                    </select>
                </div>
                <div class="field">
                    <label for="new-target-count">{tr(|l| td_string!(l, tally.target_count))}</label>
                    <input id="new-target-count" type="text" inputmode="numeric" autocomplete="off"
                        aria-invalid=move || new_target_error.get().then_some("true")
                        aria-describedby=move || new_target_error.get().then_some("new-target-error")
                        prop:value=move || new_target_count.get() on:input=move |ev| new_target_count.set(event_target_value(&ev))/>
                    {move || new_target_error.get().then(|| view! { <p class="field-error" id="new-target-error">{tr(|l| td_string!(l, tally.err_not_whole))}</p> })}
                </div>
                <button type="submit">{tr(|l| td_string!(l, tally.add_target))}</button>
            </form>
        </section>
        <PinSettings/>
        <KioskSettings/>
        <super::campaign_info::CampaignInfo/>
    }
}

/// Set, change or remove the staff PIN.
#[component]
fn PinSettings() -> impl IntoView {
    let i18n = use_i18n();
    let staff = expect_context::<StaffState>();
    let pin = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let message = RwSignal::new(None::<(bool, String)>);
    let busy = RwSignal::new(false);
    let set_pin = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        let (p, a) = (pin.get_untracked(), again.get_untracked());
        if let Err(problem) = crate::domain::tally::pin::check_new_pin(&p, &a) {
            let text = match problem {
                crate::domain::tally::pin::PinProblem::Format => t_string!(i18n, tally.pin_format),
                crate::domain::tally::pin::PinProblem::Mismatch => t_string!(i18n, tally.pin_mismatch),
            };
            message.set(Some((false, text.to_string())));
            return;
        }
        busy.set(true);
        wasm_bindgen_futures::spawn_local(async move {
            let result = match super::lock::new_record(&p).await {
                Ok(record) => {
                    let json = serde_json::to_string(&record).unwrap_or_default();
                    staff.store().set_meta(meta_keys::PIN, &json).await.map(|_| record).map_err(|e| e.to_string())
                }
                Err(e) => Err(e),
            };
            match result {
                Ok(record) => {
                    staff.pin.set(Some(record));
                    pin.set(String::new());
                    again.set(String::new());
                    message.set(Some((true, t_string!(i18n, tally.pin_set_done).to_string())));
                }
                Err(e) => message.set(Some((false, e))),
            }
            busy.set(false);
        });
    };
    let remove = move |_| {
        wasm_bindgen_futures::spawn_local(async move {
            if staff.store().set_meta(meta_keys::PIN, "").await.is_ok() {
                staff.pin.set(None);
                message.set(Some((true, t_string!(i18n, tally.pin_removed).to_string())));
            }
        });
    };
    let lock_now = move |_| staff.locked.set(true);
    view! {
        <section class="card">
            <h3>{tr(|l| td_string!(l, tally.pin_heading))}</h3>
            <p class="muted">{tr(|l| td_string!(l, tally.pin_note))}</p>
            <p data-pin=move || if staff.pin.get().is_some() { "set" } else { "none" }>
                {move || if staff.pin.get().is_some() { t_string!(i18n, tally.pin_is_set) } else { t_string!(i18n, tally.pin_not_set) }}
            </p>
            <form on:submit=set_pin>
                <div class="field">
                    <label for="new-pin">{tr(|l| td_string!(l, tally.pin_new))}</label>
                    <input id="new-pin" type="password" inputmode="numeric" autocomplete="new-password" maxlength="8" prop:value=move || pin.get() on:input=move |ev| pin.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="new-pin-again">{tr(|l| td_string!(l, tally.pin_again))}</label>
                    <input id="new-pin-again" type="password" inputmode="numeric" autocomplete="new-password" maxlength="8" prop:value=move || again.get() on:input=move |ev| again.set(event_target_value(&ev))/>
                </div>
                <div class="actions">
                    <button type="submit" disabled=move || busy.get()>
                        {move || if staff.pin.get().is_some() { t_string!(i18n, tally.pin_change) } else { t_string!(i18n, tally.pin_set) }}
                    </button>
                    {move || staff.pin.get().is_some().then(|| view! {
                        <button type="button" on:click=lock_now>{tr(|l| td_string!(l, tally.lock_now))}</button>
                        <button type="button" on:click=remove>{tr(|l| td_string!(l, tally.pin_remove))}</button>
                    })}
                </div>
                <p role="status" class=move || match message.get() { Some((false, _)) => "field-error-text", _ => "save-ok" }>{move || message.get().map(|m| m.1)}</p>
            </form>
        </section>
    }
}

/// Kiosk mode of the citizen pages on this device, and its idle time.
#[component]
fn KioskSettings() -> impl IntoView {
    use crate::components::kiosk::{KIOSK_IDLE_KEY, KIOSK_KEY};
    let prefs = crate::web::prefs::open_prefs();
    let on = RwSignal::new(prefs.get(KIOSK_KEY).as_deref() == Some("1"));
    let idle = RwSignal::new(crate::domain::kiosk::idle_seconds_from(prefs.get(KIOSK_IDLE_KEY).as_deref()).to_string());
    let saved = RwSignal::new(false);
    let save = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        let prefs = crate::web::prefs::open_prefs();
        if on.get_untracked() {
            prefs.set(KIOSK_KEY, "1");
        } else {
            prefs.remove(KIOSK_KEY);
        }
        let seconds = crate::domain::kiosk::idle_seconds_from(Some(&idle.get_untracked()));
        prefs.set(KIOSK_IDLE_KEY, &seconds.to_string());
        idle.set(seconds.to_string());
        saved.set(true);
    };
    view! {
        <section class="card">
            <h3>{tr(|l| td_string!(l, tally.kiosk_heading))}</h3>
            <p class="muted">{tr(|l| td_string!(l, tally.kiosk_intro))}</p>
            <form on:submit=save>
                <label class="check"><input type="checkbox" id="kiosk-on" prop:checked=move || on.get() on:change=move |ev| { on.set(event_target_checked(&ev)); saved.set(false); }/>" " {tr(|l| td_string!(l, tally.kiosk_on))}</label>
                <div class="field">
                    <label for="kiosk-idle">{tr(|l| td_string!(l, tally.kiosk_idle))}</label>
                    <input id="kiosk-idle" type="text" inputmode="numeric" autocomplete="off" prop:value=move || idle.get() on:input=move |ev| { idle.set(event_target_value(&ev)); saved.set(false); }/>
                </div>
                <button type="submit">{tr(|l| td_string!(l, tally.save))}</button>
                <p role="status" class="save-ok">{move || saved.get().then(|| t_string!(use_i18n(), tally.saved_short))}</p>
            </form>
        </section>
    }
}
