//! Inline SVG charts drawn with plotters' SVG backend: the ranking coloured by tier, group
//! means and the Lorenz curve of the index. Labels are sanitized for control characters here;
//! plotters escapes `< > & " '` in SVG text itself.

use plotters::prelude::*;

use super::analysis::Report;
use crate::report::sanitize;

type Res = Result<String, String>;

/// Colour of a tier by its position from the top (green to red).
pub fn tier_colour(pos: usize, count: usize) -> RGBColor {
    const STOPS: [(u8, u8, u8); 4] = [(26, 152, 80), (145, 207, 96), (253, 174, 97), (215, 48, 39)];
    if count <= 1 {
        let (r, g, b) = STOPS[0];
        return RGBColor(r, g, b);
    }
    let t = pos as f64 / (count - 1) as f64 * 3.0;
    let (i, f) = ((t.floor() as usize).min(2), t - t.floor().min(2.0));
    let (a, b) = (STOPS[i], STOPS[i + 1]);
    let mix = |x: u8, y: u8| (x as f64 + (y as f64 - x as f64) * f).round() as u8;
    RGBColor(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

fn label(s: &str, max: usize) -> String {
    let clean = sanitize::terminal(s);
    if clean.chars().count() > max {
        format!("{}…", clean.chars().take(max - 1).collect::<String>())
    } else {
        clean.into_owned()
    }
}

/// Mean index per group, as vertical bars.
pub fn groups(r: &Report) -> Option<Res> {
    let d = r.index_inequality()?.decomposition.as_ref()?;
    let gs = &d.groups;
    if gs.is_empty() {
        return None;
    }
    let mut buf = String::new();
    let draw = |buf: &mut String| -> Result<(), String> {
        let root = SVGBackend::with_string(buf, (860, 320)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| e.to_string())?;
        let top = gs.iter().map(|g| g.mean).fold(0.0, f64::max).max(1e-9) * 1.1;
        let mut chart = ChartBuilder::on(&root)
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(50)
            .build_cartesian_2d((0..gs.len()).into_segmented(), 0f64..top)
            .map_err(|e| e.to_string())?;
        let names: Vec<String> = gs
            .iter()
            .map(|g| label(g.name.as_deref().unwrap_or(&g.group), 18))
            .collect();
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(gs.len())
            .x_label_formatter(&|v| match v {
                SegmentValue::CenterOf(i) | SegmentValue::Exact(i) => {
                    names.get(*i).cloned().unwrap_or_default()
                }
                SegmentValue::Last => String::new(),
            })
            .y_desc("mean index")
            .draw()
            .map_err(|e| e.to_string())?;
        chart
            .draw_series(gs.iter().enumerate().map(|(i, g)| {
                let mut bar = Rectangle::new(
                    [
                        (SegmentValue::Exact(i), 0.0),
                        (SegmentValue::Exact(i + 1), g.mean),
                    ],
                    RGBColor(49, 130, 189).filled(),
                );
                bar.set_margin(0, 0, 12, 12);
                bar
            }))
            .map_err(|e| e.to_string())?;
        root.present().map_err(|e| e.to_string())
    };
    Some(draw(&mut buf).map(|_| buf))
}

/// Lorenz curve of the index: cumulative share of regions (poorest first) against cumulative
/// share of the index, with the line of equality.
pub fn lorenz(r: &Report) -> Option<Res> {
    let mut v: Vec<f64> = r
        .regions
        .iter()
        .filter_map(|x| x.index)
        .filter(|x| *x >= 0.0)
        .collect();
    let total: f64 = v.iter().sum();
    if v.len() < 2 || total <= 0.0 {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let n = v.len() as f64;
    let mut pts = vec![(0.0, 0.0)];
    let mut acc = 0.0;
    // At most ~500 points: enough for a smooth curve, small for 41,352 townships.
    let step = (v.len() / 500).max(1);
    for (i, x) in v.iter().enumerate() {
        acc += x;
        if (i + 1) % step == 0 || i + 1 == v.len() {
            pts.push(((i + 1) as f64 / n, acc / total));
        }
    }
    let gini = r.index_inequality().and_then(|q| q.basic.gini);
    let mut buf = String::new();
    let draw = |buf: &mut String| -> Result<(), String> {
        let root = SVGBackend::with_string(buf, (420, 420)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| e.to_string())?;
        let caption = match gini {
            Some(g) => format!("Gini {g:.4}"),
            None => String::new(),
        };
        let mut chart = ChartBuilder::on(&root)
            .caption(caption, ("sans-serif", 16))
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(50)
            .build_cartesian_2d(0f64..1f64, 0f64..1f64)
            .map_err(|e| e.to_string())?;
        chart
            .configure_mesh()
            .x_desc("share of regions (lowest index first)")
            .y_desc("share of the index total")
            .draw()
            .map_err(|e| e.to_string())?;
        chart
            .draw_series(LineSeries::new(
                [(0.0, 0.0), (1.0, 1.0)],
                RGBColor(150, 150, 150),
            ))
            .map_err(|e| e.to_string())?;
        chart
            .draw_series(LineSeries::new(pts, RGBColor(215, 48, 39).stroke_width(2)))
            .map_err(|e| e.to_string())?;
        root.present().map_err(|e| e.to_string())
    };
    Some(draw(&mut buf).map(|_| buf))
}
