package dev.baton.eval.report;

/** Holds the report page's style sheet; kept apart so the page builder reads as structure only. */
final class PageStyle {

    /** The CSS. */
    static final String CSS = """
            :root { --ink: #1f2933; --muted: #6b7785; --line: #e4e8ee; --bg: #f5f6f8; --card: #ffffff;
                    --accent: #d55e00; --accent-soft: #fdf1e8; --blue-soft: #e6eef8; --ok: #1b7f4b; --bad: #b42318; }
            * { box-sizing: border-box; }
            body { margin: 0; background: var(--bg); color: var(--ink);
                   font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
            main { max-width: 940px; margin: 0 auto; padding: 32px 20px 48px; }
            header h1 { font-size: 28px; margin: 0 0 4px; letter-spacing: -0.01em; }
            .meta { color: var(--muted); margin: 0 0 12px; }
            nav { margin: 12px 0 0; display: flex; flex-wrap: wrap; gap: 8px; }
            nav a { background: var(--card); border: 1px solid var(--line); border-radius: 999px; padding: 2px 12px;
                    color: var(--ink); text-decoration: none; font-size: 14px; }
            section.benchmark { margin-top: 36px; }
            h2 { font-size: 22px; margin: 0 0 4px; border-bottom: 2px solid var(--ink); padding-bottom: 6px; }
            h2 .sub { font-size: 14px; font-weight: normal; color: var(--muted); margin-left: 8px; }
            h3 { font-size: 17px; margin: 32px 0 10px; }
            .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 12px; margin: 16px 0 8px; }
            .card { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 12px 16px; }
            .card .label { font-size: 12px; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); }
            .card .value { font-size: 26px; font-weight: 650; line-height: 1.3; }
            .card .detail { font-size: 13px; color: var(--muted); overflow-wrap: anywhere; }
            .card.learned { border-color: var(--accent); background: var(--accent-soft); }
            .card.learned .value { color: var(--accent); }
            figure { margin: 12px 0; background: var(--card); border: 1px solid var(--line); border-radius: 10px;
                     padding: 12px; }
            div.chart { width: 100%; }
            div.chart + div.chart { margin-top: 12px; }
            p.lead { margin: 0 0 10px; color: var(--ink); }
            details.solo-rows { margin: 10px 0; }
            details.solo-rows summary { cursor: pointer; color: var(--muted); font-size: 14px; padding: 4px 0; }
            details.solo-rows table { margin-top: 6px; }
            .findings p { margin: 0 0 8px; }
            details.figures { margin: -2px 0 12px; }
            details.figures summary { cursor: pointer; color: var(--muted); font-size: 14px; padding: 2px 0; }
            details.figures table { margin-top: 6px; }
            section.run-notes { margin-top: 36px; }
            figcaption { font-size: 13px; color: var(--muted); margin-top: 6px; }
            .pair { display: grid; grid-template-columns: repeat(auto-fit, minmax(380px, 1fr)); gap: 12px;
                    align-items: start; }
            .pair figure { margin: 0; }
            .pair h4 { margin: 0 0 6px; font-size: 14px; }
            table { border-collapse: collapse; width: 100%; background: var(--card); border: 1px solid var(--line);
                    border-radius: 10px; font-size: 14px; font-variant-numeric: tabular-nums; }
            th, td { padding: 5px 10px; border-bottom: 1px solid var(--line); text-align: right; white-space: nowrap; }
            th { background: #eef1f5; font-weight: 600; font-size: 13px; }
            th:first-child, td:first-child { text-align: left; white-space: normal; overflow-wrap: anywhere; }
            tr:last-child td { border-bottom: none; }
            td.acc { background: linear-gradient(to right, var(--blue-soft) var(--p), transparent var(--p)); }
            tr.learned td { background-color: var(--accent-soft); font-weight: 600; }
            tr.learned td:first-child { box-shadow: inset 4px 0 0 var(--accent); }
            tr.learned td.acc { background: linear-gradient(to right, #f9d9c2 var(--p), var(--accent-soft) var(--p)); }
            tr.solo td, tr.other td { color: #4b5563; }
            tr.oracle td { color: var(--muted); font-style: italic; }
            ul.table-notes { font-size: 13px; color: var(--muted); padding-left: 20px; }
            p.empty { color: var(--muted); font-style: italic; background: var(--card); border: 1px dashed var(--line);
                      border-radius: 10px; padding: 12px 16px; }
            article.example { background: var(--card); border: 1px solid var(--line); border-radius: 10px;
                              padding: 12px 16px; margin: 12px 0; }
            article.example .head { display: flex; justify-content: space-between; align-items: center; }
            article.example h4 { margin: 0; font-size: 14px; color: var(--muted); }
            .badge { font-size: 12px; font-weight: 600; border-radius: 999px; padding: 1px 10px; }
            .badge.ok { background: #e3f4ea; color: var(--ok); }
            .badge.bad { background: #fde8e6; color: var(--bad); }
            .question { white-space: pre-wrap; overflow-wrap: anywhere; margin: 8px 0; }
            pre { background: #1f2933; color: #e9edf2; border-radius: 8px; padding: 10px 14px;
                  white-space: pre-wrap; overflow-wrap: anywhere;
                  font: 13px/1.5 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; margin: 8px 0; }
            .answer { margin: 8px 0 0; }
            .boxed { border: 1.5px solid var(--ink); border-radius: 3px; padding: 0 4px; }
            .overline { text-decoration: overline; }
            details.tex summary { cursor: pointer; color: var(--muted); font-size: 13px; }
            pre.source, code.source { background: #eef1f5; color: var(--ink); }
            code.source { font-size: 12px; color: var(--muted); }
            .answer code { background: #eef1f5; border-radius: 4px; padding: 1px 6px; overflow-wrap: anywhere; }
            footer { margin-top: 40px; color: var(--muted); font-size: 13px; text-align: center; }
            """;

    private PageStyle() {
    }
}
