//! Export (JSON and CSV), import with a preview and a merge policy, and the backup state.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{mark, meta_keys, now, StaffState};
use crate::app::{current_lang, AppState};
use crate::components::tr::tr;
use crate::domain::tally::csv_export::{to_csv, CsvLabels};
use crate::domain::tally::export::{days_since, export_json, file_name, DeviceInfo, ExportFile};
use crate::domain::tally::import::{parse_export, ImportError, Problem, MAX_IMPORT_BYTES};
use crate::domain::campaign::Campaign;
use crate::domain::tally::ledger::Ledger;
use crate::domain::tally::merge::{separate_unit, unit_clashes, Conflict, MergePreview, Policy, UnitClash};
use crate::domain::tally::progress::all_units;
use crate::domain::tally::report::format_count;
use crate::domain::tally::stamp::Stamp;
use crate::domain::tally::store::TallyStore;
use crate::domain::vn_time::{format_date, to_vietnam};
use crate::i18n::*;

/// Offers `text` as a file download.
pub fn download(name: &str, text: &str, mime: &str) -> Result<(), String> {
    download_bytes(name, text.as_bytes(), mime)
}

/// Offers UTF-8 `bytes` as a file download (handed to the browser as bytes, not decoded
/// into a JavaScript string first).
pub fn download_bytes(name: &str, bytes: &[u8], mime: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(|e| format!("{e:?}"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| format!("{e:?}"))?;
    let a: web_sys::HtmlAnchorElement = document().create_element("a").map_err(|e| format!("{e:?}"))?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.set_hidden(true);
    let body = document().body().ok_or("no body")?;
    let _ = body.append_child(&a);
    a.click();
    let _ = body.remove_child(&a);
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

fn problem_text(l: Locale, p: &Problem) -> String {
    match p {
        Problem::TooLarge(n) => format!("{} ({} MB > {} MB)", td_string!(l, tally.p_too_large), n / 1_048_576, MAX_IMPORT_BYTES / 1_048_576),
        Problem::Empty => td_string!(l, tally.p_empty).into(),
        Problem::NotText => td_string!(l, tally.p_not_text).into(),
        Problem::NotJson(line, col) => format!("{} ({} {line}, {} {col})", td_string!(l, tally.p_not_json), td_string!(l, tally.line), td_string!(l, tally.column)),
        Problem::NotAnExport => td_string!(l, tally.p_not_export).into(),
        Problem::UnknownVersion(v) => format!("{} {v}", td_string!(l, tally.p_version)),
        Problem::OtherCampaign(c) => format!("{} \"{c}\"", td_string!(l, tally.p_campaign)),
        Problem::Invalid(detail) => format!("{} ({detail})", td_string!(l, tally.p_invalid)),
        Problem::UnknownUnit(u) => format!("{} \"{u}\"", td_string!(l, tally.p_unit)),
        Problem::UnknownIndicator(i) => format!("{} \"{i}\"", td_string!(l, tally.p_indicator)),
        Problem::CountTooLarge(n) => format!("{} {n}", td_string!(l, tally.p_count_large)),
        Problem::OutsidePeriod(d) => format!("{} {}", td_string!(l, tally.p_outside), format_date(*d)),
        Problem::DuplicateEntry(d, u) => format!("{} {} / {u}", td_string!(l, tally.p_duplicate), format_date(*d)),
        Problem::DuplicateUnit(u) => format!("{} \"{u}\"", td_string!(l, tally.p_duplicate_unit)),
        Problem::BadText => td_string!(l, tally.p_bad_text).into(),
        Problem::BadId(id) => format!("{} \"{id}\"", td_string!(l, tally.p_bad_id)),
        Problem::UnknownPhase(p) => format!("{} \"{p}\"", td_string!(l, tally.p_phase)),
    }
}

/// One import in progress: the preview and the choice per conflict.
#[derive(Clone, Debug, PartialEq)]
struct ImportSession {
    preview: MergePreview,
    policies: Vec<Policy>,
    refused: Vec<ImportError>,
    /// The accepted files as read (before any unit is kept separate).
    files: Vec<(String, ExportFile)>,
    /// What is stored, as the preview was built from it.
    stored: Ledger,
    /// Units of the files whose id another device's unit already uses.
    clashes: Vec<UnitClash>,
    /// Per clash: true to treat both as one unit, false (the default) to keep them apart.
    together: Vec<bool>,
}

impl ImportSession {
    /// A session for `files` compared with `stored`: clashing units kept apart.
    fn new(c: &Campaign, stored: Ledger, files: Vec<(String, ExportFile)>, refused: Vec<ImportError>) -> ImportSession {
        let clashes = unit_clashes(&stored, &files);
        let together = vec![false; clashes.len()];
        let mut s = ImportSession { preview: MergePreview::default(), policies: Vec::new(), refused, files, stored, clashes, together };
        s.rebuild(c);
        s
    }

    /// Builds the preview again after a choice about a clashing unit.
    fn rebuild(&mut self, c: &Campaign) {
        let mut files = self.files.clone();
        let mut taken: Vec<String> = all_units(c, &self.stored).into_iter().map(|u| u.id).collect();
        taken.extend(files.iter().flat_map(|(_, f)| f.units.iter().map(|u| u.id.clone())));
        for (clash, together) in self.clashes.iter().zip(&self.together) {
            if !together {
                if let Some((_, file)) = files.iter_mut().find(|(name, _)| *name == clash.file) {
                    let id = separate_unit(file, &clash.theirs.id, &self.stored.units, &taken);
                    taken.push(id);
                }
            }
        }
        self.preview = MergePreview::build(c, &self.stored, &files);
        self.policies = vec![Policy::Newest; self.preview.conflicts.len()];
    }
}

fn policy_key(p: Policy) -> String {
    match p {
        Policy::KeepMine => "mine".into(),
        Policy::Take(0) => "theirs".into(),
        Policy::Take(i) => format!("theirs-{i}"),
        Policy::Newest => "newest".into(),
    }
}

fn policy_from(key: &str) -> Policy {
    match key {
        "theirs" => Policy::Take(0),
        "newest" => Policy::Newest,
        other => match other.strip_prefix("theirs-").and_then(|n| n.parse().ok()) {
            Some(i) => Policy::Take(i),
            None => Policy::KeepMine,
        },
    }
}

async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, String> {
    if file.size() > (MAX_IMPORT_BYTES as f64) * 2.0 {
        // Do not even read a file far above the limit into memory.
        return Ok(vec![b' '; MAX_IMPORT_BYTES + 1]);
    }
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await.map_err(|e| format!("{e:?}"))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Export, import and backup.
#[component]
pub fn DataSection() -> impl IntoView {
    let i18n = use_i18n();
    let app = expect_context::<AppState>();
    let staff = expect_context::<StaffState>();
    let campaign = super::shown_campaign(&app);
    let session = RwSignal::new(None::<ImportSession>);
    let outcome = RwSignal::new(None::<Result<String, String>>);
    let busy = RwSignal::new(false);

    // A download cannot report that the file was written: the reminder stays until staff
    // confirm they have the file.
    let pending_export = RwSignal::new(None::<(String, Stamp, String)>);
    let export_json = move |_| {
        mark("tally:export:start");
        let c = campaign.get_untracked();
        // Taken before reading: anything saved after it stays "not exported".
        let at = Stamp::new(now());
        let label = staff.device_label.get_untracked();
        let device = DeviceInfo { id: staff.device_id.get_untracked(), label: (!label.trim().is_empty()).then(|| label.trim().to_string()) };
        wasm_bindgen_futures::spawn_local(async move {
            // What is stored, not only what this tab shows: when another tab saved since
            // (the stored numbers of entries and audit records differ), read it again.
            let store = staff.store();
            let shown = staff.ledger.with_untracked(|l| (l.entries.len(), l.audit.len()));
            let current = staff.ledger_for.get_untracked().as_deref() == Some(c.id.as_str()) && store.record_counts(&c.id).await.ok() == Some(shown);
            if current {
                // Units and targets change without an audit record: always read them.
                match store.units_and_targets(&c.id).await {
                    // Only when they differ: a changed ledger rebuilds the dashboard's index.
                    Ok((units, targets)) => {
                        if staff.ledger.with_untracked(|l| l.units != units || l.targets != targets) {
                            staff.ledger.update(|l| {
                                l.units = units;
                                l.targets = targets;
                            });
                        }
                    }
                    Err(e) => {
                        outcome.set(Some(Err(e.to_string())));
                        return;
                    }
                }
            } else {
                match store.load(&c.id).await {
                    Ok(ledger) => {
                        staff.ledger.set(ledger);
                        staff.ledger_for.set(Some(c.id.clone()));
                    }
                    Err(e) => {
                        outcome.set(Some(Err(e.to_string())));
                        return;
                    }
                }
            }
            let bytes = staff.ledger.with_untracked(|l| export_json(&c, l, &device, at));
            let name = file_name(&c.id, to_vietnam(at.0).date_naive(), &device.id, "json");
            let result = download_bytes(&name, &bytes, "application/json");
            mark("tally:export:end");
            match result {
                Ok(()) => {
                    outcome.set(Some(Ok(format!("{} {name}", t_string!(i18n, tally.download_started)))));
                    pending_export.set(Some((c.id.clone(), at, name)));
                }
                Err(e) => outcome.set(Some(Err(e))),
            }
        });
    };
    let confirm_export = move |_| {
        let Some((campaign_id, at, name)) = pending_export.get_untracked() else { return };
        // Shown only once stored: a failed write keeps the reminder and says why.
        wasm_bindgen_futures::spawn_local(async move {
            match staff.store().set_meta(&meta_keys::last_export(&campaign_id), &at.to_rfc3339()).await {
                Ok(()) => {
                    staff.last_export.set(Some(at));
                    pending_export.set(None);
                    outcome.set(Some(Ok(format!("{} {name}", t_string!(i18n, tally.exported)))));
                }
                Err(e) => outcome.set(Some(Err(e.to_string()))),
            }
        });
    };
    let export_csv = move |_| {
        let c = campaign.get_untracked();
        let l = i18n.get_locale_untracked();
        let labels = CsvLabels { date: td_string!(l, tally.date), unit_id: td_string!(l, tally.unit_id), unit: td_string!(l, tally.unit) };
        let csv = staff.ledger.with_untracked(|ledger| to_csv(&c, ledger, &labels, current_lang()));
        let at = Stamp::new(now());
        let name = file_name(&c.id, to_vietnam(at.0).date_naive(), &staff.device_id.get_untracked(), "csv");
        match download(&name, &csv, "text/csv;charset=utf-8") {
            Ok(()) => outcome.set(Some(Ok(format!("{} {name}", t_string!(i18n, tally.exported))))),
            Err(e) => outcome.set(Some(Err(e))),
        }
    };

    let take_files = move |files: Option<web_sys::FileList>| {
        let Some(files) = files else { return };
        let list: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
        if list.is_empty() {
            return;
        }
        busy.set(true);
        outcome.set(None);
        mark("tally:import:start");
        wasm_bindgen_futures::spawn_local(async move {
            let c = campaign.get_untracked();
            let mut good = Vec::new();
            let mut refused = Vec::new();
            for file in list {
                let name = file.name();
                match read_file(&file).await {
                    Ok(bytes) => match staff.ledger.with_untracked(|l| parse_export(&name, &bytes, &c, l)) {
                        Ok(export) => good.push((name, export)),
                        Err(e) => refused.push(e),
                    },
                    Err(e) => refused.push(ImportError { file: name, place: String::new(), problem: Problem::Invalid(e) }),
                }
            }
            // Compared with what is stored (another tab may have saved since this one loaded).
            let stored = match staff.store().load(&c.id).await {
                Ok(ledger) => ledger,
                Err(e) => {
                    busy.set(false);
                    outcome.set(Some(Err(e.to_string())));
                    return;
                }
            };
            session.set(Some(ImportSession::new(&c, stored, good, refused)));
            busy.set(false);
            request_animation_frame(|| mark("tally:import:preview"));
        });
    };

    let on_pick = move |ev: web_sys::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        take_files(input.files());
        input.set_value("");
    };
    let drag_over = RwSignal::new(false);
    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        drag_over.set(false);
        take_files(ev.data_transfer().and_then(|d| d.files()));
    };

    let apply = move |_| {
        let Some(s) = session.get_untracked() else { return };
        let c = campaign.get_untracked();
        let author = staff.author(now());
        let policies = s.policies.clone();
        let changes = s.preview.changes(|i| policies.get(i).copied().unwrap_or(Policy::KeepMine), &author);
        let new = s.preview.new_entries.len();
        busy.set(true);
        mark("tally:apply:start");
        wasm_bindgen_futures::spawn_local(async move {
            let result = staff.commit(&c.id, changes).await;
            busy.set(false);
            request_animation_frame(|| mark("tally:apply:end"));
            match result {
                Ok(()) => {
                    session.set(None);
                    outcome.set(Some(Ok(format!("{} {new}", t_string!(i18n, tally.imported)))));
                }
                Err(crate::domain::tally::store::StoreError::Stale(what)) => {
                    // Another tab saved since the preview: nothing was written; show it again.
                    session.set(None);
                    outcome.set(Some(Err(format!("{} ({what})", t_string!(i18n, tally.import_stale)))));
                }
                Err(e) => outcome.set(Some(Err(format!("{} {e}", t_string!(i18n, tally.import_failed))))),
            }
        });
    };

    let backup_line = move || {
        let now = app.now.get();
        match staff.last_export.get() {
            Some(at) => {
                let days = days_since(at, now);
                format!("{} {} ({} {})", t_string!(i18n, tally.last_export), at.to_display(), days, t_string!(i18n, tally.days_ago))
            }
            None => t_string!(i18n, tally.never_exported).to_string(),
        }
    };

    let session_view = move || {
        let s = session.get()?;
        let lang = current_lang();
        let c = campaign.get();
        let units = staff.ledger.with(|l| all_units(&c, l));
        let incoming = s.preview.units.clone();
        // Units the import adds are named from the preview.
        let unit_name = move |id: &str| {
            units.iter().find(|u| u.id == id).map(|u| u.name(lang).to_string()).or_else(|| incoming.iter().find(|u| u.id == id).map(|u| u.name.clone())).unwrap_or_else(|| id.to_string())
        };
        let refused = s
            .refused
            .iter()
            .map(|e| {
                let place = if e.place.is_empty() { String::new() } else { format!(" — {} {}", t_string!(i18n, tally.at_place), e.place) };
                view! { <li data-refused=e.file.clone()><strong>{e.file.clone()}</strong>{place}": " {problem_text(i18n.get_locale(), &e.problem)}</li> }
            })
            .collect_view();
        let refused_box = (!s.refused.is_empty()).then(|| view! {
            <div class="banner banner-error" role="alert" data-import="refused">
                <p>{tr(|l| td_string!(l, tally.refused))}</p>
                <ul>{refused}</ul>
            </div>
        });
        if s.preview.files.is_empty() {
            return Some(view! { {refused_box} }.into_any());
        }
        let summary_rows = s
            .preview
            .per_unit
            .iter()
            .map(|u| view! {
                <tr data-unit=u.unit.clone()>
                    <th scope="row">{unit_name(&u.unit)}</th>
                    <td class="num" data-cell="new">{u.new}</td>
                    <td class="num" data-cell="identical">{u.identical}</td>
                    <td class="num" data-cell="conflicts">{u.conflicts}</td>
                </tr>
            })
            .collect_view();
        let conflict_rows = s
            .preview
            .conflicts
            .iter()
            .enumerate()
            .map(|(i, conflict)| conflict_row(i, conflict, &c, lang, session, unit_name(&conflict.key().1)))
            .collect_view();
        let set_all = move |ev: web_sys::Event| {
            let p = policy_from(&event_target_value(&ev));
            // "Keep mine" cannot apply where this device has nothing: those take the newest.
            session.update(|s| {
                if let Some(s) = s {
                    let has_mine: Vec<bool> = s.preview.conflicts.iter().map(|c| c.mine.is_some()).collect();
                    for (slot, mine) in s.policies.iter_mut().zip(has_mine) {
                        *slot = if p == Policy::KeepMine && !mine { Policy::Newest } else { p };
                    }
                }
            });
        };
        let clash_list = (!s.clashes.is_empty()).then(|| {
            let items = s
                .clashes
                .iter()
                .enumerate()
                .map(|(i, clash)| {
                    let select_id = format!("unit-clash-{i}");
                    let line = format!("\"{}\" ({}, {}) · \"{}\" ({}, {})", clash.known.name, clash.known.id, clash.known.device, clash.theirs.name, clash.file, clash.theirs.device);
                    let c = c.clone();
                    view! {
                        <li data-unit-clash=i>
                            <p>{line}</p>
                            <p class="field inline-field">
                                <label for=select_id.clone()>{tr(|l| td_string!(l, tally.unit_clash_choice))}</label>
                                <select id=select_id on:change=move |ev| {
                                    let together = event_target_value(&ev) == "together";
                                    session.update(|s| if let Some(s) = s {
                                        if let Some(slot) = s.together.get_mut(i) { *slot = together; }
                                        s.rebuild(&c);
                                    });
                                }>
                                    <option value="apart" selected=move || session.with(|s| s.as_ref().is_some_and(|s| !s.together.get(i).copied().unwrap_or(false)))>{tr(|l| td_string!(l, tally.unit_clash_apart))}</option>
                                    <option value="together" selected=move || session.with(|s| s.as_ref().is_some_and(|s| s.together.get(i).copied().unwrap_or(false)))>{tr(|l| td_string!(l, tally.unit_clash_together))}</option>
                                </select>
                            </p>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="banner banner-warning" data-import="unit-clashes">
                    <p>{tr(|l| td_string!(l, tally.unit_clash_intro))}</p>
                    <ul class="plain">{items}</ul>
                </div>
            }
        });
        let nothing = s.preview.is_empty();
        Some(
            view! {
                {refused_box}
                <section class="card import-preview" data-import="preview">
                    <h3 id="preview-heading">{tr(|l| td_string!(l, tally.preview))}</h3>
                    <p class="muted">{s.preview.files.join(", ")}</p>
                    {clash_list}
                    <div class="table-wrap" tabindex="0" role="region" aria-labelledby="preview-heading">
                        <table>
                            <thead><tr>
                                <th scope="col">{tr(|l| td_string!(l, tally.unit))}</th>
                                <th scope="col" class="num">{tr(|l| td_string!(l, tally.new_entries))}</th>
                                <th scope="col" class="num">{tr(|l| td_string!(l, tally.identical))}</th>
                                <th scope="col" class="num">{tr(|l| td_string!(l, tally.conflicts))}</th>
                            </tr></thead>
                            <tbody>{summary_rows}</tbody>
                        </table>
                    </div>
                    {(!s.preview.conflicts.is_empty()).then(|| view! {
                        <fieldset class="policy">
                            <legend>{tr(|l| td_string!(l, tally.policy_all))}</legend>
                            <label class="check"><input type="radio" name="policy-all" value="mine" on:change=set_all/>" " {tr(|l| td_string!(l, tally.keep_mine))}</label>
                            <label class="check"><input type="radio" name="policy-all" value="theirs" on:change=set_all/>" " {tr(|l| td_string!(l, tally.take_theirs))}</label>
                            <label class="check"><input type="radio" name="policy-all" value="newest" checked on:change=set_all/>" " {tr(|l| td_string!(l, tally.newest))}</label>
                        </fieldset>
                        <ul class="plain conflicts">{conflict_rows}</ul>
                    })}
                    {nothing.then(|| view! { <p role="status" data-import="nothing">{tr(|l| td_string!(l, tally.nothing_to_import))}</p> })}
                    <div class="actions">
                        <button type="button" class="primary" disabled=move || busy.get() || nothing on:click=apply>{tr(|l| td_string!(l, tally.apply_import))}</button>
                        <button type="button" on:click=move |_| session.set(None)>{tr(|l| td_string!(l, tally.cancel))}</button>
                    </div>
                </section>
            }
            .into_any(),
        )
    };

    view! {
        <h2>{tr(|l| td_string!(l, tally.tab_data))}</h2>
        <super::sync::SyncPanel/>
        <section class="card">
            <h3>{tr(|l| td_string!(l, tally.export_heading))}</h3>
            <p data-backup="line">{backup_line}</p>
            <p class="muted">{tr(|l| td_string!(l, tally.export_intro))}</p>
            <div class="actions">
                <button type="button" class="primary" id="export-json" on:click=export_json>{tr(|l| td_string!(l, tally.export_json))}</button>
                <button type="button" id="export-csv" on:click=export_csv>{tr(|l| td_string!(l, tally.export_csv))}</button>
            </div>
            {move || pending_export.get().map(|(_, _, name)| view! {
                <div class="banner" data-export="pending">
                    <p>{tr(|l| td_string!(l, tally.confirm_export_ask))} " " <code>{name}</code></p>
                    <button type="button" id="confirm-export" on:click=confirm_export>{tr(|l| td_string!(l, tally.confirm_export))}</button>
                </div>
            })}
        </section>
        <section class="card">
            <h3>{tr(|l| td_string!(l, tally.import_heading))}</h3>
            <p class="muted">{tr(|l| td_string!(l, tally.import_intro))}</p>
            <div
                class=move || if drag_over.get() { "drop-zone over" } else { "drop-zone" }
                on:dragover=move |ev: web_sys::DragEvent| { ev.prevent_default(); drag_over.set(true); }
                on:dragleave=move |_| drag_over.set(false)
                on:drop=on_drop
            >
                <label for="import-files">{tr(|l| td_string!(l, tally.choose_files))}</label>
                <input id="import-files" type="file" accept=".json,application/json" multiple on:change=on_pick/>
                <p class="muted">{tr(|l| td_string!(l, tally.or_drop))}</p>
            </div>
            {move || busy.get().then(|| view! { <p role="status">{tr(|l| td_string!(l, common.loading))}</p> })}
        </section>
        {session_view}
        <div role="status" data-outcome="">
            {move || outcome.get().map(|o| match o {
                Ok(text) => view! { <p class="save-ok" data-outcome="ok">{text}</p> }.into_any(),
                Err(text) => view! { <p class="save-failed" data-outcome="error">{text}</p> }.into_any(),
            })}
        </div>
    }
}

fn conflict_row(i: usize, conflict: &Conflict, c: &crate::domain::campaign::Campaign, lang: crate::domain::text::Lang, session: RwSignal<Option<ImportSession>>, unit: String) -> impl IntoView {
    let figures = |e: &crate::domain::tally::ledger::Entry| c.indicators.iter().map(|ind| format_count(e.counts.get(&ind.id), lang)).collect::<Vec<_>>().join(" / ");
    let select_id = format!("conflict-{i}");
    let current = move || session.with(|s| s.as_ref().and_then(|s| s.policies.get(i).copied()).map(policy_key).unwrap_or_else(|| "newest".into()));
    let mine_line = conflict.mine.as_ref().map(|mine| {
        let line = format!("{} — {} · {}", figures(mine), mine.modified.to_display(), mine.device);
        view! { <p>{move || t_string!(use_i18n(), tally.mine)} ": " {line}</p> }
    });
    let version_lines = conflict
        .theirs
        .iter()
        .map(|v| {
            let line = format!("{} — {} · {} ({})", figures(&v.entry), v.entry.modified.to_display(), v.entry.device, v.file);
            view! { <p>{move || t_string!(use_i18n(), tally.theirs)} ": " {line}</p> }
        })
        .collect_view();
    let has_mine = conflict.mine.is_some();
    let take_options = conflict
        .theirs
        .iter()
        .enumerate()
        .map(|(n, v)| {
            let key = policy_key(Policy::Take(n));
            let label = format!("{} ({})", figures(&v.entry), v.file);
            let key_for_selected = key.clone();
            view! { <option value=key selected=move || current() == key_for_selected>{move || t_string!(use_i18n(), tally.take_theirs)} ": " {label.clone()}</option> }
        })
        .collect_view();
    view! {
        <li class="conflict" data-conflict=i>
            <p><strong>{format_date(conflict.key().0)} " · " {unit}</strong></p>
            {mine_line}
            {version_lines}
            <p class="field inline-field">
                <label for=select_id.clone()>{tr(|l| td_string!(l, tally.keep_which))}</label>
                <select id=select_id on:change=move |ev| {
                    let p = policy_from(&event_target_value(&ev));
                    session.update(|s| if let Some(s) = s { if let Some(slot) = s.policies.get_mut(i) { *slot = p } });
                }>
                    {has_mine.then(|| view! { <option value="mine" selected=move || current() == "mine">{tr(|l| td_string!(l, tally.keep_mine))}</option> })}
                    {take_options}
                    <option value="newest" selected=move || current() == "newest">{tr(|l| td_string!(l, tally.newest))}</option>
                </select>
            </p>
        </li>
    }
}
