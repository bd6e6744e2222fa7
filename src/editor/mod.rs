//! The campaign editor, its own page (`staff/editor/`, its own wasm, so staff mode and
//! citizens never download it): open a campaign of the deployment, a file from disk
//! or nothing, edit every field with forms, see every problem at its field as you type
//! (`domain::campaign::form::check`: the build's reader and `Campaign::validate`), preview
//! the citizen pages, then download or copy the file.

mod fields;
mod hours;
mod preview;

use std::sync::Arc;

use leptos::prelude::*;
use serde_json::Value;
use wasm_bindgen::JsCast;

use crate::app::{current_lang, AppState};
use crate::components::tr::tr;
use crate::domain::campaign::form::{self, FieldProblem, OpenError, Place, Problem, CAMPAIGN_FIELDS};
use crate::domain::campaign::Campaign;
use crate::domain::presets::PRESET_INDEX;
use crate::i18n::*;
use crate::routes::site::SitePage;
use crate::site::islands::fill;
use fields::{dom_id_of, problem_text, Edited};
use crate::app::{initial_state, locale_of, LangSync};
use crate::components::lang_switch::LangSwitch;
use crate::domain::text::Lang;
use crate::web::base_path::base_path;
use crate::web::prefs::{open_prefs, LANG_KEY};

/// The editor page: a header back to staff mode with the language switch, and the editor.
#[component]
pub fn EditorApp() -> impl IntoView {
    let site_base = {
        let base = base_path();
        base.strip_suffix("/staff/editor").map(str::to_string).unwrap_or(base)
    };
    let app = initial_state(site_base);
    provide_context(app.clone());
    let stored = open_prefs().get(LANG_KEY).and_then(|code| Lang::from_code(&code)).unwrap_or_default();
    view! {
        <I18nSubContextProvider initial_locale=Signal::stored(locale_of(stored))>
            <LangSync/>
            <EditorFrame/>
        </I18nSubContextProvider>
    }
}

/// Header, the editor, footer.
#[component]
fn EditorFrame() -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move |_| document().set_title(&format!("{} – {}", td_string!(i18n.get_locale(), editor.title), td_string!(i18n.get_locale(), tally.title))));
    view! {
        <a class="skip-link" href="#main">{tr(|l| td_string!(l, nav.skip))}</a>
        <header class="site-header staff-header">
            <div class="bar">
                <a href="../" class="brand"><span>{tr(|l| td_string!(l, editor.back_to_staff))}</span></a>
                <LangSwitch/>
            </div>
        </header>
        <main id="main" tabindex="-1">
            <EditorSection/>
        </main>
        <footer class="site-footer">
            <p>{tr(|l| td_string!(l, editor.privacy))}</p>
        </footer>
    }
}

/// Mounts the editor on `<body>`.
pub fn mount() {
    leptos::mount::mount_to_body(EditorApp);
}

/// The largest file the editor opens (campaign files are a few KB).
const MAX_FILE_BYTES: f64 = 2.0 * 1024.0 * 1024.0;

/// The pages the preview can show.
const PREVIEW_PAGES: [SitePage; 5] = [SitePage::Offices, SitePage::Home, SitePage::Guide, SitePage::Documents, SitePage::Help];

fn page_label(l: Locale, page: SitePage) -> &'static str {
    match page {
        SitePage::Home => td_string!(l, nav.home),
        SitePage::Guide => td_string!(l, nav.guide),
        SitePage::Documents => td_string!(l, nav.documents),
        SitePage::Help => td_string!(l, nav.help),
        _ => td_string!(l, nav.offices),
    }
}

/// The editor itself: open, form, problems, preview, download.
#[component]
pub fn EditorSection() -> impl IntoView {
    let app = expect_context::<AppState>();
    let i18n = use_i18n();
    let start = serde_json::to_value(app.campaign()).unwrap_or_else(|_| form::new_campaign());
    let doc = RwSignal::new(start);
    let checked = Memo::new(move |_| doc.with(form::check));
    let problems = Memo::new(move |_| checked.with(|c| c.as_ref().err().cloned().unwrap_or_default()));
    let edited = Edited { doc, problems };
    // Edits not downloaded yet (the browser asks before the page closes).
    let changed = RwSignal::new(false);
    let first = StoredValue::new(true);
    Effect::new(move |_| {
        doc.track();
        if !first.get_value() {
            changed.set(true);
        }
        first.set_value(false);
    });
    let leaving = window_event_listener_untyped("beforeunload", move |event| {
        if changed.get_untracked() {
            event.prevent_default();
            if let Some(e) = event.dyn_ref::<web_sys::BeforeUnloadEvent>() {
                e.set_return_value("unsaved");
            }
        }
    });
    on_cleanup(move || leaving.remove());

    let status = RwSignal::new(None::<String>);
    let open_error = RwSignal::new(None::<String>);
    // Replaces the edited file, asking first when edits would be lost.
    let replace = move |next: Value, message: String| {
        if changed.get_untracked() {
            let sure = window().confirm_with_message(td_string!(i18n.get_locale(), editor.replace_confirm)).unwrap_or(false);
            if !sure {
                return;
            }
        }
        first.set_value(true);
        doc.set(next);
        changed.set(false);
        open_error.set(None);
        status.set(Some(message));
    };

    let chosen = RwSignal::new(app.campaign_id.get_untracked());
    let base = app.base.clone();
    let open_deployment = move |_| {
        let id = chosen.get_untracked();
        let Some(entry) = PRESET_INDEX.iter().find(|p| p.id == id) else { return };
        let url = format!("{}/{}", base, entry.file_path());
        let name = entry.file_path();
        leptos::task::spawn_local(async move {
            let l = i18n.get_locale();
            match crate::web::fetch::fetch_text(&url).await {
                Ok(text) => match form::open(&text) {
                    Ok(next) => replace(next, fill(td_string!(l, editor.opened), &[("name", &name)])),
                    Err(e) => open_error.set(Some(open_problem(l, &name, e))),
                },
                Err(reason) => open_error.set(Some(fill(td_string!(l, editor.fetch_failed), &[("reason", &reason)]))),
            }
        });
    };
    let open_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        input.set_value("");
        let name = file.name();
        let l = i18n.get_locale();
        if file.size() > MAX_FILE_BYTES {
            open_error.set(Some(fill(td_string!(l, editor.too_big), &[("file", &name)])));
            return;
        }
        leptos::task::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(file.text()).await {
                Ok(text) => match form::open(&text.as_string().unwrap_or_default()) {
                    Ok(next) => replace(next, fill(td_string!(l, editor.opened), &[("name", &name)])),
                    Err(e) => open_error.set(Some(open_problem(l, &name, e))),
                },
                Err(e) => {
                    let reason = e.as_string().unwrap_or_else(|| String::from(js_sys::Error::from(e).message()));
                    open_error.set(Some(fill(td_string!(l, editor.read_failed), &[("file", &name), ("reason", &reason)])));
                }
            }
        });
    };
    let start_new = move |_| replace(form::new_campaign(), td_string!(i18n.get_locale(), editor.started).to_string());

    let deployment_options = app
        .deployment
        .campaigns
        .iter()
        .map(|id| {
            let id = id.clone();
            let area = PRESET_INDEX.iter().find(|p| p.id == id).map(|p| (p.area_vi, p.area_en));
            let shown = id.clone();
            view! {
                <option value=id.clone()>
                    {move || match area {
                        Some((vi, en)) => format!("{} ({shown})", if current_lang() == crate::domain::text::Lang::En { en } else { vi }),
                        None => shown.clone(),
                    }}
                </option>
            }
        })
        .collect_view();

    let summary = move || {
        let l = i18n.get_locale();
        let list = problems.get();
        if list.is_empty() {
            return view! { <p class="editor-ok" role="status">{td_string!(l, editor.no_problems)}</p> }.into_any();
        }
        let items = list.iter().map(|p| problem_item(l, p, doc)).collect_view();
        // Only the reading of dates and numbers ran: the build's checks come once they are right.
        let early = list.iter().all(|p| matches!(p.problem, Problem::NotADate | Problem::NotAWholeNumber | Problem::BelowZero | Problem::AboveHundred | Problem::TooLarge));
        view! {
            <h3>{fill(td_string!(l, editor.problems_title), &[("n", &list.len().to_string())])}</h3>
            <ul class="editor-problems">{items}</ul>
            {early.then(|| view! { <p class="hint">{td_string!(l, editor.more_checks)}</p> })}
        }
        .into_any()
    };

    let show_preview = RwSignal::new(false);
    let preview_page = RwSignal::new(SitePage::Offices);
    let preview = move || {
        if !show_preview.get() {
            return None;
        }
        let lang = current_lang();
        let page = preview_page.get();
        Some(match checked.get() {
            Ok(campaign) => {
                let campaign: Arc<Campaign> = Arc::new(campaign);
                view! {
                    <p class="hint">{tr(|l| td_string!(l, editor.preview_note))}</p>
                    <div
                        class="editor-preview-page"
                        data-preview=page_key(page)
                        on:click=|ev| {
                            // A preview: its links do not leave the editor.
                            let on_link = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|e| e.closest("a").ok().flatten());
                            if on_link.is_some() {
                                ev.prevent_default();
                            }
                        }
                    >
                        <preview::PagePreview campaign page lang/>
                    </div>
                }
                .into_any()
            }
            Err(_) => view! { <p class="field-problem" role="status">{tr(|l| td_string!(l, editor.preview_blocked))}</p> }.into_any(),
        })
    };
    let page_options = PREVIEW_PAGES
        .into_iter()
        .map(|page| view! { <option value=page_key(page) selected=move || preview_page.get() == page>{move || page_label(i18n.get_locale(), page)}</option> })
        .collect_view();

    let file_text = Memo::new(move |_| checked.with(|c| doc.with(|d| form::file_text(d, c))));
    let file_name = move || {
        let id = doc.with(|d| d.get("id").and_then(Value::as_str).unwrap_or("").to_string());
        if id.is_empty() { "campaign.json".to_string() } else { format!("{id}.json") }
    };
    let saved = RwSignal::new(None::<String>);
    let download = move |_| {
        let name = file_name();
        let l = i18n.get_locale();
        match crate::staff::data::download(&name, &file_text.get_untracked(), "application/json") {
            Ok(()) => {
                changed.set(false);
                saved.set(Some(fill(td_string!(l, editor.downloaded), &[("file", &name)])));
            }
            Err(reason) => saved.set(Some(reason)),
        }
    };
    let copy = move |_| {
        let text = file_text.get_untracked();
        let l = i18n.get_locale();
        let clipboard = js_sys::Reflect::get(&window().navigator(), &"clipboard".into()).ok().filter(|c| !c.is_undefined());
        let promise = clipboard.and_then(|c| {
            let write = js_sys::Reflect::get(&c, &"writeText".into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
            write.call1(&c, &text.into()).ok()?.dyn_into::<js_sys::Promise>().ok()
        });
        let failed = move || {
            saved.set(Some(td_string!(l, editor.copy_failed).to_string()));
            if let Some(area) = document().get_element_by_id("editor-file-text") {
                let _ = area.set_attribute("open", "");
            }
        };
        match promise {
            Some(p) => leptos::task::spawn_local(async move {
                match wasm_bindgen_futures::JsFuture::from(p).await {
                    Ok(_) => saved.set(Some(td_string!(l, editor.copied).to_string())),
                    Err(_) => failed(),
                }
            }),
            None => failed(),
        }
    };

    view! {
        <section class="card editor" aria-labelledby="editor-title">
            <h1 id="editor-title">{tr(|l| td_string!(l, editor.title))}</h1>
            <p>{tr(|l| td_string!(l, editor.intro))}</p>

            <section class="editor-open" aria-labelledby="editor-open-title">
                <h2 id="editor-open-title">{tr(|l| td_string!(l, editor.open_title))}</h2>
                <div class="editor-field">
                    <label for="editor-deployment">{tr(|l| td_string!(l, editor.open_deployment))}</label>
                    <select id="editor-deployment" prop:value=move || chosen.get() on:change=move |ev| chosen.set(event_target_value(&ev))>
                        {deployment_options}
                    </select>
                </div>
                <div class="editor-actions">
                    <button type="button" on:click=open_deployment>{tr(|l| td_string!(l, editor.open_button))}</button>
                    <button type="button" class="secondary" on:click=start_new>{tr(|l| td_string!(l, editor.new_button))}</button>
                </div>
                <div class="editor-field">
                    <label for="editor-file">{tr(|l| td_string!(l, editor.open_file))}</label>
                    <input type="file" id="editor-file" accept=".json,application/json" aria-describedby="editor-open-message" on:change=open_file/>
                </div>
                <div id="editor-open-message" role="status">
                    {move || open_error.get().map(|m| view! { <p class="field-problem" data-open-error="">{m}</p> })}
                    {move || status.get().map(|m| view! { <p>{m}</p> })}
                </div>
            </section>

            <section class="editor-check" aria-labelledby="editor-check-title">
                <h2 id="editor-check-title" class="visually-hidden">{tr(|l| td_string!(l, editor.check_title))}</h2>
                // Announced while typing: only how many problems are left.
                <p class="visually-hidden" role="status">
                    {move || {
                        let n = problems.with(Vec::len);
                        let l = i18n.get_locale();
                        if n == 0 { td_string!(l, editor.no_problems).to_string() } else { fill(td_string!(l, editor.problems_count), &[("n", &n.to_string())]) }
                    }}
                </p>
                {summary}
            </section>

            <form class="editor-form" on:submit=|ev| ev.prevent_default() novalidate>
                {fields::fields_view(edited, CAMPAIGN_FIELDS, Place::default())}
            </form>

            <section class="editor-preview" aria-labelledby="editor-preview-title">
                <h2 id="editor-preview-title">{tr(|l| td_string!(l, editor.preview_title))}</h2>
                <div class="editor-field">
                    <label for="editor-preview-page">{tr(|l| td_string!(l, editor.preview_page))}</label>
                    <select id="editor-preview-page" on:change=move |ev| {
                        let key = event_target_value(&ev);
                        if let Some(page) = PREVIEW_PAGES.into_iter().find(|p| page_key(*p) == key) {
                            preview_page.set(page);
                        }
                    }>
                        {page_options}
                    </select>
                </div>
                <button type="button" aria-expanded=move || if show_preview.get() { "true" } else { "false" } on:click=move |_| show_preview.update(|s| *s = !*s)>
                    {tr(|l| td_string!(l, editor.preview_button))}
                </button>
                {preview}
            </section>

            <section class="editor-save" aria-labelledby="editor-save-title">
                <h2 id="editor-save-title">{tr(|l| td_string!(l, editor.save_title))}</h2>
                {move || checked.with(Result::is_err).then(|| view! { <p class="field-problem">{tr(|l| td_string!(l, editor.download_with_problems))}</p> })}
                <div class="editor-actions">
                    <button type="button" on:click=download>{tr(|l| td_string!(l, editor.download_button))}</button>
                    <button type="button" class="secondary" on:click=copy>{tr(|l| td_string!(l, editor.copy_button))}</button>
                </div>
                <p role="status" data-saved="">{move || saved.get()}</p>
                <details id="editor-file-text">
                    <summary>{tr(|l| td_string!(l, editor.file_text))}</summary>
                    <label for="editor-file-textarea" class="visually-hidden">{tr(|l| td_string!(l, editor.file_text))}</label>
                    <textarea id="editor-file-textarea" readonly rows="12" prop:value=move || file_text.get()></textarea>
                </details>
            </section>
        </section>
    }
}

/// The key of a preview page in the page chooser.
fn page_key(page: SitePage) -> &'static str {
    match page {
        SitePage::Home => "home",
        SitePage::Guide => "guide",
        SitePage::Documents => "documents",
        SitePage::Help => "help",
        _ => "offices",
    }
}

/// Why a file could not be opened, naming it.
fn open_problem(l: Locale, name: &str, error: OpenError) -> String {
    match error {
        OpenError::NotJson { line, column } => {
            fill(td_string!(l, editor.not_json), &[("file", name), ("line", &line.to_string()), ("column", &column.to_string())])
        }
        OpenError::NotACampaign => fill(td_string!(l, editor.not_campaign), &[("file", name)]),
        OpenError::DuplicateKey { path, message } => fill(td_string!(l, editor.duplicate_key), &[("file", name), ("path", &path), ("message", &message)]),
    }
}

/// A problem in the summary: its place (a link to the field) and what is wrong; something the
/// form has no field for can be removed from the file here.
fn problem_item(l: Locale, problem: &FieldProblem, doc: RwSignal<Value>) -> impl IntoView {
    let removable = matches!(problem.problem, Problem::Unknown(_)).then(|| {
        let path = problem.path.clone();
        let label = format!("{}: {}", td_string!(l, editor.remove_unknown), problem.path);
        view! {
            " "
            <button type="button" class="secondary" aria-label=label on:click=move |_| doc.update(|d| form::remove_path(d, &path))>
                {td_string!(l, editor.remove_unknown)}
            </button>
        }
    });
    let target = dom_id_of(&problem.path);
    let place = if problem.path.is_empty() { td_string!(l, editor.whole_file).to_string() } else { fields::place_words(l, &problem.path) };
    let href = format!("#{target}");
    view! {
        <li>
            <a
                href=href
                on:click=move |ev| {
                    ev.prevent_default();
                    // Focus the field itself (or the first box of a group); a place the form
                    // shows no field for (a key of a source, an unknown key) leads to its nearest
                    // enclosing field.
                    let mut id = target.clone();
                    while document().get_element_by_id(&id).is_none() && id.contains('-') {
                        id.truncate(id.rfind('-').unwrap_or(0));
                    }
                    fields::focus_by_id(&id);
                }
            >
                {place}
            </a>
            " "
            <code>{problem.path.clone()}</code>
            ": "
            {problem_text(l, &problem.problem)}
            {removable}
        </li>
    }
}
