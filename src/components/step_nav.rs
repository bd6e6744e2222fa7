//! Numbered, collapsible steps in the GOV.UK "step by step" style, with a
//! "show all" button, "or" and "optional" markers, and ticks kept on the device.

use leptos::prelude::*;

use crate::app::AppState;
use crate::components::source_note::FactSource;
use crate::components::tr::tr;
use crate::domain::pathway::{Step, Ticks};
use crate::i18n::*;
use crate::web::prefs::open_prefs;

/// Preference key of the ticked steps.
pub const TICKS_KEY: &str = "ticks";

/// The citizen's ticked steps, shared by every page (context).
#[derive(Clone, Copy)]
pub struct TickStore(pub RwSignal<Ticks>);

impl TickStore {
    /// Loads the ticks stored on this device.
    pub fn load() -> TickStore {
        TickStore(RwSignal::new(Ticks::parse(&open_prefs().get(TICKS_KEY).unwrap_or_default())))
    }

    /// Ticks or unticks `step` and stores the result.
    pub fn set(self, step: Step, done: bool) {
        self.0.update(|t| t.set(step, done));
        self.save();
    }

    /// Removes every tick.
    pub fn clear(self) {
        self.0.set(Ticks::default());
        self.save();
    }

    fn save(self) {
        let stored = self.0.with_untracked(Ticks::to_stored);
        let prefs = open_prefs();
        if stored.is_empty() {
            prefs.remove(TICKS_KEY);
        } else {
            prefs.set(TICKS_KEY, &stored);
        }
    }
}

/// A step's title in `locale`.
pub fn step_title(locale: Locale, step: Step) -> &'static str {
    match step {
        Step::Install => td_string!(locale, steps.install_title),
        Step::Level1InApp => td_string!(locale, steps.level1_title),
        Step::Level2InPerson => td_string!(locale, steps.level2_title),
        Step::ApplyCard => td_string!(locale, steps.apply_card_title),
        Step::WaitSms => td_string!(locale, steps.wait_sms_title),
        Step::Activate => td_string!(locale, steps.activate_title),
        Step::PortalLogin => td_string!(locale, steps.portal_title),
        Step::ChildApplyOnline => td_string!(locale, steps.child_online_title),
        Step::ChildVisit => td_string!(locale, steps.child_visit_title),
        Step::NoPhoneHelp => td_string!(locale, steps.no_phone_title),
    }
}

/// The body text of a step without sub-lists, in `locale`.
fn step_body(locale: Locale, step: Step) -> &'static str {
    match step {
        Step::Install => td_string!(locale, steps.install_body),
        Step::ApplyCard => td_string!(locale, steps.apply_card_body),
        Step::WaitSms => td_string!(locale, steps.wait_sms_body),
        Step::Activate => td_string!(locale, steps.activate_body),
        Step::PortalLogin => td_string!(locale, steps.portal_body),
        Step::ChildApplyOnline => td_string!(locale, steps.child_online_body),
        Step::ChildVisit => td_string!(locale, steps.child_visit_body),
        Step::NoPhoneHelp => td_string!(locale, steps.no_phone_body),
        Step::Level1InApp | Step::Level2InPerson => "",
    }
}

/// What a step says, with its sub-steps and links.
fn step_content(step: Step) -> AnyView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    match step {
        Step::Level1InApp => view! {
            <ol class="substeps">
                <li>{tr(|l| td_string!(l, guide.level1_step1))}</li>
                <li>{tr(|l| td_string!(l, guide.level1_step2))}</li>
                <li>{tr(|l| td_string!(l, guide.level1_step3))}</li>
                <li>{tr(|l| td_string!(l, guide.level1_step4))}</li>
            </ol>
        }
        .into_any(),
        Step::Level2InPerson => view! {
            <ol class="substeps">
                <li>{tr(|l| td_string!(l, guide.level2_step1))}</li>
                <li>
                    {tr(|l| td_string!(l, guide.level2_step2))}
                    <ul>
                        <li>{tr(|l| td_string!(l, guide.with_card))}</li>
                        <li>{tr(|l| td_string!(l, guide.without_card))}</li>
                    </ul>
                </li>
                <li>{tr(|l| td_string!(l, guide.level2_step3))}</li>
                <li>{tr(|l| td_string!(l, guide.level2_step4))}</li>
            </ol>
            <p><a href=state.href("/offices")>{tr(|l| td_string!(l, steps.level2_offices))}</a></p>
        }
        .into_any(),
        Step::WaitSms => view! {
            <p>{move || step_body(i18n.get_locale(), step)}</p>
            <p><a href=format!("{}#after", state.href("/help"))>{tr(|l| td_string!(l, check.after_link))}</a></p>
        }
        .into_any(),
        Step::Activate => view! {
            <p>{move || step_body(i18n.get_locale(), step)}</p>
            <p class="muted">{tr(|l| td_string!(l, guide.done_note))}</p>
        }
        .into_any(),
        _ => view! { <p>{move || step_body(i18n.get_locale(), step)}</p> }.into_any(),
    }
}

/// The steps, numbered; alternatives are marked "or" and share the number before them.
#[component]
pub fn StepNav(steps: Vec<Step>) -> impl IntoView {
    let i18n = use_i18n();
    let ticks = expect_context::<TickStore>();
    let open = RwSignal::new(vec![false; steps.len()]);
    let all_open = move || open.with(|o| o.iter().all(|x| *x));
    let toggle_all = move |_| {
        let target = !all_open();
        open.update(|o| o.iter_mut().for_each(|x| *x = target));
    };
    let mut number = 0;
    let mut previous = None;
    let items = steps
        .iter()
        .enumerate()
        .map(|(index, &step)| {
            let alternative = step.is_alternative_to_previous(previous);
            previous = Some(step);
            if !alternative {
                number += 1;
            }
            let marker = if alternative { None } else { Some(number) };
            let panel_id = format!("step-{}", step.id());
            let expanded = move || open.with(|o| o[index]);
            let done = move || ticks.0.with(|t| t.contains(step));
            view! {
                <li class="step" class:step-done=done data-step=step.id()>
                    <h3 class="step-heading">
                        <button
                            type="button"
                            class="step-toggle"
                            aria-expanded=move || if expanded() { "true" } else { "false" }
                            aria-controls=panel_id.clone()
                            on:click=move |_| open.update(|o| o[index] = !o[index])
                        >
                            <span class="step-marker" class:step-or=alternative>
                                <span class="visually-hidden">{move || if alternative { "" } else { t_string!(i18n, steps.step) }} " "</span>
                                {match marker {
                                    Some(n) => n.to_string().into_any(),
                                    None => tr(|l| td_string!(l, steps.or)).into_any(),
                                }}
                            </span>
                            <span class="step-title">{move || step_title(i18n.get_locale(), step)}</span>
                            {step.is_optional().then(|| view! { <span class="tag">{tr(|l| td_string!(l, steps.optional))}</span> })}
                            <span class="tag tag-done" hidden=move || !done()>{tr(|l| td_string!(l, steps.done_badge))}</span>
                        </button>
                    </h3>
                    <div class="step-panel" id=panel_id hidden=move || !expanded()>
                        {step_content(step)}
                        <FactSource fact=step.fact()/>
                        <label class="tick">
                            <input
                                type="checkbox"
                                prop:checked=done
                                on:change=move |ev| ticks.set(step, event_target_checked(&ev))
                            />
                            {tr(|l| td_string!(l, steps.done))}
                        </label>
                    </div>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="step-nav">
            <div class="step-tools">
                <button type="button" class="link-button" aria-expanded=move || if all_open() { "true" } else { "false" } on:click=toggle_all>
                    {move || if all_open() { t_string!(i18n, steps.hide_all) } else { t_string!(i18n, steps.show_all) }}
                </button>
                <button type="button" class="link-button" hidden=move || ticks.0.with(Ticks::is_empty) on:click=move |_| ticks.clear()>
                    {tr(|l| td_string!(l, steps.clear))}
                </button>
            </div>
            <ol class="steps-list">{items}</ol>
            <p class="muted">{tr(|l| td_string!(l, steps.ticks_note))}</p>
        </div>
    }
}
