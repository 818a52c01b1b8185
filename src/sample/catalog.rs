//! `catalog.csv`: the implementation lists of every region in scope, streamed row by row
//! (a national catalog is ~10 M rows), with planted defects recorded in the truth sink.

use std::io::BufWriter;
use std::path::Path;

use chrono::NaiveDate;
use indicatif::ProgressBar;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::items::{self, Item, SECTORS};
use super::names;
use super::plan::{code12, display_code, richness, Plan, AS_OF};
use super::truth::{Defect, Sink};
use crate::error::{Error, Result};
use crate::load::CATALOG_FIELDS;
use crate::model::{Level, Region, RegionSet, ServiceType};
use crate::report::output::TempFile;

/// Bundled "one thing" services (一件事) that regions register under local codes.
const LOCAL_SERVICES: &[&str] = &[
    "企业开办一件事",
    "新生儿出生一件事",
    "退休一件事",
    "二手房交易登记一件事",
    "身后一件事",
    "开办餐饮店一件事",
    "人才码申领",
    "教育入学一件事",
    "军人退役一件事",
    "公民婚育一件事",
];

/// Bases a row may cite wrongly (repealed or unrelated laws).
const WRONG_BASES: &[&str] = &[
    "《中华人民共和国食品卫生法》",
    "《国务院对确需保留的行政审批项目设定行政许可的决定》",
    "《中华人民共和国公司登记管理条例》",
    "省人民政府规范性文件",
];

#[derive(Clone, Copy)]
enum Kind {
    Record,
    Item,
    Name,
    NearName,
    CrossDepartment,
    ConsName,
    ConsType,
    ConsBasis,
    TimeLimit,
    DepthVisits,
    MissingField,
    BadValue,
    UnknownItem,
}

const KINDS: &[(Kind, u32)] = &[
    (Kind::Record, 2),
    (Kind::Item, 2),
    (Kind::Name, 2),
    (Kind::NearName, 4),
    (Kind::CrossDepartment, 2),
    (Kind::ConsName, 2),
    (Kind::ConsType, 2),
    (Kind::ConsBasis, 2),
    (Kind::TimeLimit, 2),
    (Kind::DepthVisits, 2),
    (Kind::MissingField, 1),
    (Kind::BadValue, 1),
    (Kind::UnknownItem, 1),
];

fn pick_kind(rng: &mut ChaCha8Rng) -> Kind {
    let total: u32 = KINDS.iter().map(|k| k.1).sum();
    let mut x = rng.random_range(0..total);
    for (k, w) in KINDS {
        if x < *w {
            return *k;
        }
        x -= w;
    }
    Kind::NearName
}

/// One catalog row, in `CATALOG_FIELDS` order.
#[derive(Clone, Default)]
struct Row {
    f: [String; 16],
}

impl Row {
    fn id(&self) -> &str {
        &self.f[0]
    }
}

/// Everything needed to write one region's rows.
struct RegionGen<'a> {
    region: &'a Region,
    canon: &'a str,
    out_code: String,
    c12: String,
    rich: f64,
    maturity: f64,
    depts: Vec<String>,
    local_used: Vec<&'static str>,
}

pub struct Written {
    pub rows: u64,
    pub regions: u64,
}

pub struct Writer<'a> {
    plan: &'a Plan,
    csv: csv::Writer<BufWriter<TempFile>>,
    sink: &'a mut Sink,
    rows: u64,
    local_codes: u64,
    as_of: NaiveDate,
}

pub fn write(plan: &Plan, path: &Path, sink: &mut Sink, progress: &ProgressBar) -> Result<Written> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let tmp = TempFile::new_in(dir, "catalog-")?;
    let csv = csv::WriterBuilder::new().from_writer(BufWriter::with_capacity(1 << 20, tmp));
    let mut w = Writer {
        plan,
        csv,
        sink,
        rows: 0,
        local_codes: 0,
        as_of: NaiveDate::parse_from_str(AS_OF, "%Y-%m-%d").unwrap_or_default(),
    };
    let shown = path.display().to_string();
    w.csv
        .write_record(CATALOG_FIELDS)
        .map_err(|e| csv_err(&shown, e))?;
    let set = RegionSet::china();
    let by_level: Vec<Vec<&Item>> = Level::ALL.iter().map(|l| plan.required(*l)).collect();
    let mut regions = 0;
    for &ri in &plan.regions {
        let region = set.by_index(ri);
        let required = &by_level[region.level as usize];
        if required.is_empty() {
            continue;
        }
        regions += 1;
        let mut rng = plan.rng(1, ri as u64);
        w.region(region, required, &mut rng)?;
        progress.set_position(w.rows);
    }
    w.unknown_regions()?;
    progress.set_position(w.rows);
    let rows = w.rows;
    let buf = w
        .csv
        .into_inner()
        .map_err(|e| Error::io(&shown, e.into_error()))?;
    let tmp = buf
        .into_inner()
        .map_err(|e| Error::io(&shown, e.into_error()))?;
    tmp.as_file().sync_all().map_err(|e| Error::io(&shown, e))?;
    tmp.persist(path).map_err(|e| Error::io(&shown, e))?;
    Ok(Written { rows, regions })
}

fn csv_err(file: &str, e: csv::Error) -> Error {
    Error::Other(format!("{file}: {e}"))
}

impl Writer<'_> {
    fn emit(&mut self, row: &Row) -> Result<()> {
        self.rows += 1;
        self.csv
            .write_record(&row.f)
            .map_err(|e| csv_err("catalog.csv", e))
    }

    fn defect(
        &mut self,
        rule: &str,
        g: &RegionGen,
        item: Option<&str>,
        records: Vec<String>,
    ) -> Result<()> {
        self.sink.push(&Defect::new(rule, g.canon, item, records))
    }

    fn local_code(&mut self, sector_no: usize) -> String {
        self.local_codes += 1;
        format!("99{:02}{:06}00", sector_no + 1, self.local_codes)
    }

    fn region(&mut self, region: &Region, required: &[&Item], rng: &mut ChaCha8Rng) -> Result<()> {
        let canon = region.code.as_str();
        let mut g = RegionGen {
            region,
            canon,
            out_code: display_code(canon),
            c12: code12(canon),
            rich: richness(region.group.as_deref(), &region.code),
            maturity: rng.random_range(-0.4..0.4),
            depts: SECTORS
                .iter()
                .map(|s| items::department(s, region.level, &region.name))
                .collect(),
            local_used: Vec::new(),
        };
        // Gaps are likelier in the west and in townships.
        let level_factor = match region.level {
            Level::Township => 1.5,
            Level::County => 1.0,
            _ => 0.5,
        };
        let p_gap = (self.plan.rates.gap * level_factor * (1.6 - g.rich)).min(0.5);
        for (k, item) in required.iter().enumerate() {
            // The first item is always there, so every region in scope has rows.
            if k > 0 && rng.random_bool(p_gap) {
                self.defect("gap.missing_item", &g, Some(&item.code), Vec::new())?;
                continue;
            }
            let row = self.base_row(&g, item, "01", rng);
            if rng.random_bool(self.plan.rates.defect) {
                self.plant(&mut g, item, row, pick_kind(rng), rng)?;
            } else {
                self.emit(&row)?;
            }
        }
        Ok(())
    }

    fn base_row(&self, g: &RegionGen, item: &Item, seq: &str, rng: &mut ChaCha8Rng) -> Row {
        let level = g.region.level;
        let level_adj = match level {
            Level::Province => 0.4,
            Level::City => 0.2,
            Level::County => 0.0,
            Level::Township => -0.8,
        };
        let type_adj = match item.service_type {
            ServiceType::PublicService | ServiceType::Payment => 0.2,
            ServiceType::Licensing => -0.2,
            _ => 0.0,
        };
        let mean = 1.8 + 1.5 * g.rich + level_adj + type_adj + g.maturity;
        let depth = (mean + rng.random_range(-1.3..1.3)).round().clamp(0.0, 4.0) as u8;
        let visits: u32 = match depth {
            4 => 0,
            3 => u32::from(rng.random_bool(0.3)),
            2 => 1,
            1 => rng.random_range(1..=2),
            _ => rng.random_range(1..=3),
        };
        let mut channels = vec!["hall"];
        if rng.random_bool(0.3) {
            channels.push("hotline");
        }
        if depth >= 1 {
            channels.push("web");
        }
        if depth >= 2 {
            let p = (0.15 + 0.6 * g.rich + level_adj * 0.2).clamp(0.05, 0.95);
            for ch in ["app", "wechat", "alipay", "mini_program"] {
                if rng.random_bool(p) {
                    channels.push(ch);
                }
            }
        }
        if depth >= 3 && rng.random_bool(0.2 + 0.3 * g.rich) {
            channels.push("mail");
        }
        let legal = item.legal_days;
        let promised = if legal == 0 {
            0
        } else {
            let f = rng.random_range(0.15..0.6) + 0.4 * (1.0 - g.rich);
            ((legal as f64 * f).floor() as u32).clamp(1, legal)
        };
        let updated = self.as_of - chrono::Days::new(rng.random_range(0..900));
        Row {
            f: [
                format!("{}{}{seq}", g.c12, item.code),
                item.code.clone(),
                item.name.clone(),
                g.out_code.clone(),
                g.depts[sector_no(item.sector)].clone(),
                item.service_type.as_str().to_string(),
                level.as_str().to_string(),
                item.sector.to_string(),
                item.basis.to_string(),
                legal.to_string(),
                promised.to_string(),
                visits.to_string(),
                depth.to_string(),
                channels.join(";"),
                item.materials.join(";"),
                updated.format("%Y-%m-%d").to_string(),
            ],
        }
    }

    /// Write `row` with one planted defect (and any extra row the defect needs).
    fn plant(
        &mut self,
        g: &mut RegionGen,
        item: &Item,
        mut row: Row,
        kind: Kind,
        rng: &mut ChaCha8Rng,
    ) -> Result<()> {
        let code = Some(item.code.as_str());
        let id = row.id().to_string();
        match kind {
            Kind::Record => {
                self.emit(&row)?;
                self.emit(&row)?;
                self.defect("duplicate.record", g, code, vec![id.clone(), id])?;
            }
            Kind::Item => {
                self.emit(&row)?;
                let mut dup = self.base_row(g, item, "02", rng);
                dup.f[2] = row.f[2].clone();
                self.emit(&dup)?;
                self.defect("duplicate.item", g, code, vec![id, dup.f[0].clone()])?;
            }
            Kind::Name | Kind::NearName | Kind::CrossDepartment => {
                self.emit(&row)?;
                let local = self.local_code(sector_no(item.sector));
                let mut dup = self.base_row(g, item, "01", rng);
                dup.f[0] = format!("{}{local}01", g.c12);
                dup.f[1] = local.clone();
                let rule = match kind {
                    Kind::Name => "duplicate.name",
                    Kind::NearName => {
                        dup.f[2] = names::variant(&item.name, rng);
                        "duplicate.near_name"
                    }
                    _ => {
                        if rng.random_bool(0.5) {
                            dup.f[2] = names::variant(&item.name, rng);
                        }
                        dup.f[4] = items::approval_bureau(g.region.level, &g.region.name);
                        "duplicate.cross_department"
                    }
                };
                self.emit(&dup)?;
                self.defect(rule, g, code, vec![id, dup.f[0].clone()])?;
                self.defect(
                    "quality.unknown_item",
                    g,
                    Some(&local),
                    vec![dup.f[0].clone()],
                )?;
            }
            Kind::ConsName => {
                row.f[2] = names::variant(&item.name, rng);
                self.emit(&row)?;
                self.defect("consistency.name", g, code, vec![id])?;
            }
            Kind::ConsType => {
                let others: Vec<_> = ServiceType::ALL
                    .iter()
                    .filter(|t| **t != item.service_type)
                    .collect();
                row.f[5] = others[rng.random_range(0..others.len())]
                    .as_str()
                    .to_string();
                self.emit(&row)?;
                self.defect("consistency.type", g, code, vec![id])?;
            }
            Kind::ConsBasis => {
                let others: Vec<_> = WRONG_BASES.iter().filter(|b| **b != item.basis).collect();
                row.f[8] = others[rng.random_range(0..others.len())].to_string();
                self.emit(&row)?;
                self.defect("consistency.basis", g, code, vec![id])?;
            }
            Kind::TimeLimit => {
                let legal = item.legal_days;
                row.f[10] = (legal + rng.random_range(1..=10)).to_string();
                self.emit(&row)?;
                self.defect("consistency.time_limit", g, code, vec![id])?;
            }
            Kind::DepthVisits => {
                row.f[12] = "4".into();
                row.f[11] = rng.random_range(1..=2).to_string();
                self.emit(&row)?;
                self.defect("consistency.depth_visits", g, code, vec![id])?;
            }
            Kind::MissingField => {
                row.f[4] = String::new();
                self.emit(&row)?;
                self.defect("quality.missing_field", g, code, vec![id])?;
            }
            Kind::BadValue => {
                match rng.random_range(0..4) {
                    0 => row.f[12] = "5".into(),
                    1 => row.f[11] = "两次".into(),
                    2 => row.f[13] = "hall;传真".into(),
                    _ => row.f[9] = "三十".into(),
                }
                self.emit(&row)?;
                self.defect("quality.bad_value", g, code, vec![id])?;
            }
            Kind::UnknownItem => {
                self.emit(&row)?;
                let Some(name) = LOCAL_SERVICES.iter().find(|n| !g.local_used.contains(n)) else {
                    return Ok(());
                };
                g.local_used.push(name);
                let local = self.local_code(sector_no(item.sector));
                let mut extra = self.base_row(g, item, "01", rng);
                extra.f[0] = format!("{}{local}01", g.c12);
                extra.f[1] = local.clone();
                extra.f[2] = name.to_string();
                extra.f[4] = items::approval_bureau(g.region.level, &g.region.name);
                extra.f[8] = "省人民政府规范性文件".into();
                self.emit(&extra)?;
                self.defect(
                    "quality.unknown_item",
                    g,
                    Some(&local),
                    vec![extra.f[0].clone()],
                )?;
            }
        }
        Ok(())
    }

    /// Rows filed under development zones (开发区), whose codes are not in the official
    /// division list: `quality.unknown_region`.
    fn unknown_regions(&mut self) -> Result<()> {
        let set = RegionSet::china();
        let plan = self.plan;
        let cities: Vec<&Region> = plan
            .regions
            .iter()
            .map(|&i| set.by_index(i))
            .filter(|r| r.level == Level::City)
            .collect();
        let county_items = plan.required(Level::County);
        let want = match plan.scale {
            crate::sample::Scale::National => 31,
            _ => 3,
        };
        let mut rng = plan.rng(2, 0);
        let mut made = 0;
        for (k, city) in cities.iter().enumerate() {
            if made >= want || county_items.is_empty() {
                break;
            }
            if plan.scale == crate::sample::Scale::National && k % (cities.len() / want).max(1) != 0
            {
                continue;
            }
            let code = format!("{}71", city.code);
            if set.get(&code).is_some() {
                continue;
            }
            made += 1;
            let zone = Region {
                code: code.clone(),
                name: format!("{}经济技术开发区", city.name.trim_end_matches('市')),
                level: Level::County,
                parent: None,
                group: city.group.clone(),
                population: None,
            };
            let g = RegionGen {
                region: &zone,
                canon: &code,
                out_code: code.clone(),
                c12: code12(&code),
                rich: richness(zone.group.as_deref(), &zone.code),
                maturity: 0.0,
                depts: SECTORS
                    .iter()
                    .map(|s| items::department(s, Level::County, &zone.name))
                    .collect(),
                local_used: Vec::new(),
            };
            let first = rng.random_range(0..county_items.len());
            for k in 0..2.min(county_items.len()) {
                let item = county_items[(first + k) % county_items.len()];
                let row = self.base_row(&g, item, "01", &mut rng);
                self.emit(&row)?;
                self.defect(
                    "quality.unknown_region",
                    &g,
                    Some(&item.code),
                    vec![row.f[0].clone()],
                )?;
            }
        }
        Ok(())
    }
}

fn sector_no(sector: &str) -> usize {
    SECTORS.iter().position(|s| *s == sector).unwrap_or(0)
}
