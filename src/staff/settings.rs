//! This device (label, staff name), units added on devices, targets, and the campaign's facts.

use leptos::prelude::*;

use super::{meta_keys, now, StaffState};
use crate::app::{current_lang, AppState};
use crate::components::tr::tr;
use crate::domain::tally::ledger::{LocalUnit, TargetSetting};
use crate::domain::tally::progress::{all_units, new_unit_id, resolved_targets};
use crate::domain::tally::stamp::Stamp;
use crate::domain::tally::store::TallyStore;
use crate::domain::tally::validate::{check_optional_text, check_text, parse_target_count};
use crate::i18n::*;

/// Settings and campaign facts.
#[component]
pub fn SettingsSection() -> impl IntoView {
    let i18n = use_i18n();
    let app = expect_context::<AppState>();
    let staff = expect_context::<StaffState>();
    let campaign = super::shown_campaign(&app);
    let label = RwSignal::new(staff.device_label.get_untracked());
    let name = RwSignal::new(staff.staff_name.get_untracked());
    let device_saved = RwSignal::new(None::<Result<(), String>>);
    let save_device = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        let (l, n) = match (check_optional_text(&label.get_untracked()), check_optional_text(&name.get_untracked())) {
            (Ok(l), Ok(n)) => (l.unwrap_or_default(), n.unwrap_or_default()),
            (Err(p), _) | (_, Err(p)) => {
                device_saved.set(Some(Err(super::text_problem(i18n.get_locale_untracked(), p).to_string())));
                return;
            }
        };
        wasm_bindgen_futures::spawn_local(async move {
            let store = staff.store();
            let a = store.set_meta(meta_keys::DEVICE_LABEL, &l).await;
            let b = store.set_meta(meta_keys::STAFF_NAME, &n).await;
            staff.device_label.set(l);
            staff.staff_name.set(n);
            device_saved.set(Some(a.and(b).map_err(|e| e.to_string())));
        });
    };

    let unit_name = RwSignal::new(String::new());
    let unit_error = RwSignal::new(None::<String>);
    let add_unit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        let name = match check_text(&unit_name.get_untracked()) {
            Ok(name) => name,
            Err(p) => {
                unit_error.set(Some(super::text_problem(i18n.get_locale_untracked(), p).to_string()));
                return;
            }
        };
        unit_error.set(None);
        let c = campaign.get_untracked();
        let device = staff.device_id.get_untracked();
        let taken = staff.ledger.with_untracked(|l| all_units(&c, l));
        let id = new_unit_id(&name, &device, &taken);
        let unit = LocalUnit { id, name, modified: Stamp::new(now()), device };
        let changes = staff.ledger.with_untracked(|l| l.plan_unit(unit));
        wasm_bindgen_futures::spawn_local(async move {
            match staff.commit(&c.id, changes).await {
                Ok(()) => unit_name.set(String::new()),
                Err(e) => unit_error.set(Some(e.to_string())),
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
                    let Ok(count) = parse_target_count(&value.get_untracked()) else {
                        error.set(true);
                        return;
                    };
                    error.set(false);
                    let setting = TargetSetting { key: key.clone(), indicator: ind.clone(), unit: u.clone(), phase: p.clone(), count, modified: Stamp::new(now()), device: staff.device_id.get_untracked() };
                    let changes = staff.ledger.with_untracked(|l| l.plan_target(setting));
                    let campaign_id = campaign_id.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        saved.set(staff.commit(&campaign_id, changes).await.is_ok());
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
        let Ok(count) = parse_target_count(&new_target_count.get_untracked()) else {
            new_target_error.set(true);
            return;
        };
        new_target_error.set(false);
        let c = campaign.get_untracked();
        let unit = Some(new_target_unit.get_untracked()).filter(|u| !u.is_empty());
        let indicator = new_target_indicator.get_untracked();
        let setting = TargetSetting {
            key: TargetSetting::key_for(&indicator, unit.as_deref(), None),
            indicator,
            unit,
            phase: None,
            count,
            modified: Stamp::new(now()),
            device: staff.device_id.get_untracked(),
        };
        let changes = staff.ledger.with_untracked(|l| l.plan_target(setting));
        wasm_bindgen_futures::spawn_local(async move {
            if staff.commit(&c.id, changes).await.is_ok() {
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
                        Some(Ok(())) => t_string!(i18n, tally.saved_short).to_string(),
                        Some(Err(why)) => why,
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
                        aria-invalid=move || unit_error.get().is_some().then_some("true")
                        aria-describedby=move || unit_error.get().is_some().then_some("new-unit-error")
                        prop:value=move || unit_name.get() on:input=move |ev| unit_name.set(event_target_value(&ev))/>
                    {move || unit_error.get().map(|why| view! { <p class="field-error" id="new-unit-error">{why}</p> })}
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

/// Set, change or remove the staff PIN: changing or removing needs the current PIN;
/// setting the first one is a deliberate step; every new PIN comes with a recovery code
/// shown once.
#[component]
fn PinSettings() -> impl IntoView {
    use crate::domain::tally::pin::{check_new_pin, may_change_pin, PinProblem};
    let i18n = use_i18n();
    let staff = expect_context::<StaffState>();
    let current = RwSignal::new(String::new());
    let pin = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let confirmed = RwSignal::new(false);
    let message = RwSignal::new(None::<(bool, String)>);
    let recovery_code = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let problem_text = move |problem: PinProblem| match problem {
        PinProblem::Format => t_string!(i18n, tally.pin_format).to_string(),
        PinProblem::Mismatch => t_string!(i18n, tally.pin_mismatch).to_string(),
        PinProblem::CurrentWrong => t_string!(i18n, tally.pin_wrong).to_string(),
        PinProblem::NotConfirmed => t_string!(i18n, tally.pin_first_run_needed).to_string(),
    };
    // Checks the current PIN (with the wrong-try delay), then the first-run step.
    let allowed = move || async move {
        let is_set = staff.pin.get_untracked().is_some();
        let current_ok = if is_set { super::lock::check_current(staff, i18n.get_locale_untracked(), current.get_untracked()).await } else { Ok(()) };
        if let Err(text) = &current_ok {
            if is_set {
                return Err(text.clone());
            }
        }
        may_change_pin(is_set, current_ok.is_ok(), confirmed.get_untracked()).map_err(problem_text)
    };
    let set_pin = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        let (p, a) = (pin.get_untracked(), again.get_untracked());
        if let Err(problem) = check_new_pin(&p, &a) {
            message.set(Some((false, problem_text(problem))));
            return;
        }
        busy.set(true);
        wasm_bindgen_futures::spawn_local(async move {
            let result = match allowed().await {
                Ok(()) => super::lock::store_new_pin(staff, &p).await,
                Err(e) => Err(e),
            };
            match result {
                Ok((record, code)) => {
                    staff.pin.set(Some(record));
                    message.set(Some((true, t_string!(i18n, tally.pin_set_done).to_string())));
                    recovery_code.set(Some(code));
                }
                Err(e) => message.set(Some((false, e))),
            }
            current.set(String::new());
            pin.set(String::new());
            again.set(String::new());
            busy.set(false);
        });
    };
    let remove = move |_| {
        busy.set(true);
        wasm_bindgen_futures::spawn_local(async move {
            let result = match allowed().await {
                Ok(()) => super::lock::remove_pin(staff).await,
                Err(e) => Err(e),
            };
            match result {
                Ok(()) => {
                    staff.pin.set(None);
                    message.set(Some((true, t_string!(i18n, tally.pin_removed).to_string())));
                }
                Err(e) => message.set(Some((false, e))),
            }
            current.set(String::new());
            busy.set(false);
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
            {move || recovery_code.get().map(|code| view! {
                <div class="banner banner-warning recovery-code" data-recovery="shown">
                    <p>{tr(|l| td_string!(l, tally.pin_recovery_once))}</p>
                    <p class="code"><code>{code}</code></p>
                    <button type="button" on:click=move |_| recovery_code.set(None)>{tr(|l| td_string!(l, tally.pin_recovery_noted))}</button>
                </div>
            })}
            <form on:submit=set_pin>
                {move || staff.pin.get().is_some().then(|| view! {
                    <div class="field">
                        <label for="current-pin">{tr(|l| td_string!(l, tally.pin_current))}</label>
                        <input id="current-pin" type="password" inputmode="numeric" autocomplete="current-password" maxlength="8" prop:value=move || current.get() on:input=move |ev| current.set(event_target_value(&ev))/>
                    </div>
                })}
                <div class="field">
                    <label for="new-pin">{tr(|l| td_string!(l, tally.pin_new))}</label>
                    <input id="new-pin" type="password" inputmode="numeric" autocomplete="new-password" maxlength="8" prop:value=move || pin.get() on:input=move |ev| pin.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="new-pin-again">{tr(|l| td_string!(l, tally.pin_again))}</label>
                    <input id="new-pin-again" type="password" inputmode="numeric" autocomplete="new-password" maxlength="8" prop:value=move || again.get() on:input=move |ev| again.set(event_target_value(&ev))/>
                </div>
                {move || staff.pin.get().is_none().then(|| view! {
                    <label class="check"><input type="checkbox" id="pin-first-run" prop:checked=move || confirmed.get() on:change=move |ev| confirmed.set(event_target_checked(&ev))/>" " {tr(|l| td_string!(l, tally.pin_first_run))}</label>
                })}
                <div class="actions">
                    <button type="submit" disabled=move || busy.get()>
                        {move || if staff.pin.get().is_some() { t_string!(i18n, tally.pin_change) } else { t_string!(i18n, tally.pin_set) }}
                    </button>
                    {move || staff.pin.get().is_some().then(|| view! {
                        <button type="button" on:click=lock_now>{tr(|l| td_string!(l, tally.lock_now))}</button>
                        <button type="button" id="remove-pin" disabled=move || busy.get() on:click=remove>{tr(|l| td_string!(l, tally.pin_remove))}</button>
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
    use crate::pref_keys::{KIOSK as KIOSK_KEY, KIOSK_IDLE as KIOSK_IDLE_KEY};
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
