//! Home: the campaign, its status, what to do next, who it is for, levels 1 and 2, the
//! other campaigns (links, so the switch works without JavaScript) and the document.

use leptos::prelude::*;

use crate::domain::guidance::Fact;
use crate::domain::vn_time::format_date;
use crate::i18n::*;
use crate::routes::site::{SitePage, MAIN};
use crate::site::context::{current, text, tx};
use crate::domain::island_data::CampaignStatusData;
use crate::site::islands::status::CampaignStatus;
use crate::site::islands::IslandData;
use crate::site::parts::{document_line, fact_source_text, FactSource, FileSource};

/// The campaign's period and live status, with the "may be out of date" note once it ended.
pub fn campaign_status() -> impl IntoView {
    let p = current();
    let c = &p.campaign;
    let period = tx(|l| td_string!(l, live.period)).replace("%start", &format_date(c.period.start)).replace("%end", &format_date(c.period.end));
    let ended_at_build = p.ended_at_build();
    let end_note = c.period_end_note.as_ref().map(|note| {
        view! {
            <p class="period-note"><strong>{tx(|l| td_string!(l, common.period_note_label))}</strong> " " {text(note)}</p>
            <FileSource source=c.source.clone() field="period_end_note"/>
        }
    });
    view! {
        <p class="period">{period}</p>
        {end_note}
        <IslandData data=CampaignStatusData {
            lang: p.lang(),
            start: c.period.start,
            end: c.period.end,
            ended_at_build,
            note: tx(|l| td_string!(l, status.ended_note)).to_string(),
            note_source: fact_source_text(Fact::EndedNote),
        }.pack()>
            <CampaignStatus/>
        </IslandData>
    }
}

/// The home page.
pub fn page() -> (String, AnyView) {
    let p = current();
    let c = p.campaign.clone();
    let heading = tx(|l| td_string!(l, home.title)).to_string();
    let action = |target: SitePage, title: &'static str, hint: &'static str| {
        view! {
            <li>
                <a href=p.href(target) class="action">
                    <strong>{title}</strong>
                    <span>{hint}</span>
                </a>
            </li>
        }
    };
    let offers = (!c.offers.is_empty()).then(|| {
        let items = c
            .offers
            .iter()
            .enumerate()
            .map(|(i, o)| view! { <li>{text(o)} <FileSource source=c.source.clone() field=format!("offers.{i}")/></li> })
            .collect_view();
        view! {
            <h3>{tx(|l| td_string!(l, home.offers))}</h3>
            <ul>{items}</ul>
        }
    });
    let switcher = (!p.deployment.fixed_campaign && p.offered.len() > 1).then(|| {
        let items = p
            .offered
            .iter()
            .map(|o| {
                let here = o.id == c.id;
                view! {
                    <li>
                        <a href=p.href_campaign(&o.id) class="choice" aria-current=here.then_some("true")>
                            {if o.end_inferred {
                                format!("{} ({}, {})", text(&o.area), o.period, tx(|l| td_string!(l, live.end_inferred)))
                            } else {
                                format!("{} ({})", text(&o.area), o.period)
                            }}
                        </a>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="card switcher" aria-labelledby="campaigns-title">
                <h2 id="campaigns-title">{tx(|l| td_string!(l, home.switcher_label))}</h2>
                <p class="muted">{tx(|l| td_string!(l, home.switcher_hint))}</p>
                <ul class="choices">{items}</ul>
            </section>
        }
    });
    let body = view! {
        <p class="campaign-area">{text(&c.area)}</p>
        <h1>{heading.clone()}</h1>
        <p class="lead">{text(&c.name)}</p>
        {campaign_status()}
        <h2>{tx(|l| td_string!(l, home.what_next))}</h2>
        <ul class="actions">
            {action(MAIN[1].0, tx(|l| td_string!(l, home.action_check)), tx(|l| td_string!(l, home.action_check_hint)))}
            {action(SitePage::Guide, tx(|l| td_string!(l, home.action_guide)), tx(|l| td_string!(l, home.action_guide_hint)))}
            {action(SitePage::Documents, tx(|l| td_string!(l, home.action_documents)), tx(|l| td_string!(l, home.action_documents_hint)))}
            {action(SitePage::Offices, tx(|l| td_string!(l, home.action_offices)), tx(|l| td_string!(l, home.action_offices_hint)))}
            {action(SitePage::Help, tx(|l| td_string!(l, home.action_help)), tx(|l| td_string!(l, home.action_help_hint)))}
        </ul>
        <section class="card">
            <h2>{tx(|l| td_string!(l, home.for_whom))}</h2>
            <p>{text(&c.audience)}</p>
            <FileSource source=c.source.clone() field="audience"/>
            {offers}
        </section>
        <section class="card">
            <h2>{tx(|l| td_string!(l, home.levels_title))}</h2>
            <ul>
                <li>{tx(|l| td_string!(l, home.level1))}</li>
                <li>{tx(|l| td_string!(l, home.level2))}</li>
            </ul>
            <FactSource fact=Fact::HomeLevels/>
        </section>
        {switcher}
        <section class="card">
            <p>{document_line()}</p>
            <p class="muted">{text(&c.document.title)}</p>
            <p class="muted">{tx(|l| td_string!(l, common.source_note))}</p>
        </section>
    };
    (heading, body.into_any())
}
