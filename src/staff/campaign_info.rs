//! The campaign's facts for staff: what it counts, its units, targets from the
//! file, deadlines and reporting duties.

use leptos::prelude::*;

use crate::app::{current_lang, AppState};
use crate::components::source_note::FileSource;
use crate::domain::campaign::{tel_href, Campaign, Target};
use crate::domain::vn_time::format_date;
use crate::components::tr::tr;
use crate::i18n::*;

fn target_value(t: &Target) -> String {
    match (t.count, t.percent) {
        (Some(count), Some(percent)) => format!("{count} ({percent}%)"),
        (Some(count), None) => count.to_string(),
        (None, Some(percent)) => format!("{percent}%"),
        (None, None) => String::new(),
    }
}

fn name_of<'a>(campaign: &'a Campaign, unit: Option<&str>) -> Option<&'a crate::domain::text::Text> {
    unit.and_then(|id| campaign.units.iter().find(|u| u.id == id)).map(|u| &u.name)
}

/// The campaign's facts, as its file gives them.
#[component]
pub fn CampaignInfo() -> impl IntoView {
    let state = expect_context::<AppState>();
    let campaign = Memo::new(move |_| state.campaign());
    let lang = current_lang;
    let targets = move || {
        let c = campaign.get();
        if c.targets.is_empty() {
            return view! { <p>{tr(|l| td_string!(l, staff.none))}</p> }.into_any();
        }
        let rows = c
            .targets
            .iter()
            .map(|t| {
                let indicator = c.indicators.iter().find(|i| i.id == t.indicator).map(|i| i.name.get(lang()).to_string());
                let unit = match name_of(&c, t.unit.as_deref()) {
                    Some(name) => name.get(lang()).to_string().into_any(),
                    None => tr(|l| td_string!(l, staff.whole_campaign)).into_any(),
                };
                let due = t.due.map(format_date).or_else(|| {
                    t.phase.as_ref().and_then(|p| c.phases.iter().find(|x| &x.id == p)).map(|p| format_date(p.period.end))
                }).unwrap_or_else(|| {
                    // A target due at the end of a period whose end the document does not state says so.
                    match &c.period_end_note {
                        Some(_) => format!("{} ({})", format_date(c.period.end), td_string!(crate::app::locale_of(lang()), tally.end_inferred)),
                        None => format_date(c.period.end),
                    }
                });
                view! {
                    <tr>
                        <td>{indicator}</td>
                        <td>{unit}</td>
                        <td class="num">{target_value(t)}</td>
                        <td>{t.description.get(lang()).to_string()} <FileSource source=t.source.clone()/></td>
                        <td>{due}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="file-targets-heading">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{tr(|l| td_string!(l, staff.col_indicator))}</th>
                            <th scope="col">{tr(|l| td_string!(l, staff.col_unit))}</th>
                            <th scope="col" class="num">{tr(|l| td_string!(l, staff.col_target))}</th>
                            <th scope="col">{tr(|l| td_string!(l, staff.col_description))}</th>
                            <th scope="col">{tr(|l| td_string!(l, staff.due))}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <h3>{tr(|l| td_string!(l, tally.campaign_facts))}</h3>
        <p>{tr(|l| td_string!(l, staff.intro))}</p>
        <section class="card">
            <h4>{tr(|l| td_string!(l, staff.indicators))}</h4>
            <ul>{move || campaign.get().indicators.iter().map(|i| view! { <li>{i.name.get(lang()).to_string()}</li> }).collect_view()}</ul>
        </section>
        <section class="card">
            <h4>{tr(|l| td_string!(l, staff.units))}</h4>
            <ul>{move || campaign.get().units.iter().map(|u| view! { <li>{u.name.get(lang()).to_string()}</li> }).collect_view()}</ul>
        </section>
        <section class="card">
            <h4 id="file-targets-heading">{tr(|l| td_string!(l, staff.targets))}</h4>
            {targets}
        </section>
        <section class="card">
            <h4>{tr(|l| td_string!(l, staff.deadlines))}</h4>
            <ul>
                {move || campaign.get().deadlines.iter().map(|d| view! {
                    <li>
                        <strong>{format_date(d.date)}</strong>
                        {d.date_note.as_ref().map(|n| format!(" ({})", n.get(lang())))}
                        ": " {d.label.get(lang()).to_string()}
                        <FileSource source=d.source.clone()/>
                    </li>
                }).collect_view()}
            </ul>
        </section>
        <section class="card">
            <h4>{tr(|l| td_string!(l, staff.reporting))}</h4>
            <ul>
                {move || campaign.get().reporting.iter().map(|r| view! {
                    <li>
                        <strong>{r.due.get(lang()).to_string()}</strong> ": " {r.content.get(lang()).to_string()}
                        <FileSource source=r.source.clone()/>
                    </li>
                }).collect_view()}
            </ul>
        </section>
        <Show when=move || !campaign.get().contacts.is_empty()>
            <section class="card">
                <h4>{tr(|l| td_string!(l, staff.contacts))}</h4>
                <ul>
                    {move || campaign.get().contacts.iter().map(|k| view! {
                        <li>
                            {k.role.get(lang()).to_string()} ": " <a class="tel" href=tel_href(&k.phone)>{k.phone.clone()}</a>
                            <FileSource source=k.source.clone()/>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}
