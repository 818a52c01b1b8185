//! `govops sample`: write a synthetic data set; a summary on stderr (and stdout with -f json).

use crate::cli::SampleArgs;
use crate::error::{Error, Result};
use crate::observe::Observer;
use crate::report::Format;
use crate::sample;

use super::context::Ctx;

pub fn run(ctx: &Ctx, args: &SampleArgs) -> Result<u8> {
    let plan = sample::plan::Plan::new(args.scale, args.seed, None);
    let what = format!("writing {} catalog", sample::plan_label(args.scale));
    let bar = ctx.progress(Some(plan.expected_rows()), &what);
    let start = std::time::Instant::now();
    let s = sample::generate_in(&plan, &args.out, args.force, &bar)?;
    bar.finish_and_clear();
    ctx.notice(&format!(
        "wrote {scale} sample (seed {seed}) to {dir} in {secs:.1}s:\n  \
         catalog.csv   {rows} rows in {regions} regions\n  \
         baseline.csv  {items} items\n  \
         sharing.yaml  {ifaces} interfaces\n  \
         metrics.csv   {metrics} regions\n  \
         events.jsonl  {events} lines\n  \
         truth.json    {defects} defects ({gaps} gaps)",
        scale = s.scale,
        seed = s.seed,
        dir = s.dir.display(),
        secs = start.elapsed().as_secs_f64(),
        rows = s.catalog_rows,
        regions = s.regions,
        items = s.baseline_items,
        ifaces = s.interfaces,
        metrics = s.metrics_rows,
        events = s.events,
        defects = s.defects,
        gaps = s.gaps,
    ));
    // stdout stays empty unless a machine-readable report is asked for.
    if ctx.asked_format()? == Some(Format::Json) {
        let summary = serde_json::to_value(&s).map_err(|e| Error::Other(e.to_string()))?;
        let env = crate::report::Envelope::new(
            "sample",
            serde_json::json!({"scale": s.scale, "seed": s.seed}),
            summary,
        );
        ctx.emit(&env.to_json(), &[])?;
    }
    Ok(0)
}
