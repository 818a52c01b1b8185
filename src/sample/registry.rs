//! `sharing.yaml`: the data-sharing interfaces that provinces' and cities' departments
//! publish, with planted problems (missing metadata, orphans, stale data, a silo department,
//! one-way departments, undeclared sharing types, 有条件共享 without conditions, 不予共享
//! without a legal basis) recorded in the truth sink. Each province's 国家保密局 withholds its
//! one resource by law (依法不予共享): a hard negative for `sharing.silo`.

use std::path::Path;

use chrono::{Days, NaiveDate};
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use serde::Serialize;

use super::items::{self, SECTORS};
use super::plan::{display_code, Plan, AS_OF};
use super::truth::{Defect, Sink};
use crate::error::{Error, Result};
use crate::model::{Frequency, Level, RegionSet, SharingType};

/// What each sector's departments hold, and which applicant papers that data replaces
/// (names as in the catalog's `materials`).
fn datasets(sector: &str) -> &'static [(&'static str, &'static [&'static str])] {
    match sector {
        "public_security" => &[
            ("居民身份证信息", &["身份证"]),
            ("户籍信息", &["户口簿"]),
            ("机动车驾驶证信息", &["机动车驾驶证"]),
            ("机动车行驶证信息", &["机动车行驶证"]),
        ],
        "civil_affairs" => &[
            ("婚姻登记信息", &["结婚证"]),
            ("低保救助对象信息", &["收入证明"]),
            ("社会组织登记信息", &["章程"]),
        ],
        "market" => &[
            ("企业营业执照信息", &["营业执照"]),
            ("法定代表人信息", &["法定代表人身份证明"]),
            ("食品经营许可信息", &[]),
        ],
        "natural_resources" => &[
            ("不动产登记信息", &["不动产权证书"]),
            ("国土空间规划信息", &["规划图纸"]),
        ],
        "health" => &[
            ("出生医学证明信息", &["出生医学证明"]),
            ("死亡医学证明信息", &["死亡医学证明"]),
            ("医师执业注册信息", &["医师执业证书", "医师资格证书"]),
            ("健康体检信息", &["体检报告", "健康证明"]),
        ],
        "education" => &[
            ("学历学位信息", &["毕业证书"]),
            ("普通话水平测试信息", &["普通话水平测试等级证书"]),
        ],
        "human_resources" => &[
            ("社会保险参保信息", &["社保缴费证明"]),
            ("劳动合同备案信息", &["劳动合同"]),
            ("职业资格信息", &["资格证书"]),
        ],
        "tax" => &[("纳税信息", &[])],
        "disability" => &[("残疾人证信息", &["残疾人证"])],
        "transport" => &[
            ("道路运输从业资格信息", &["驾驶员从业资格证"]),
            ("车辆营运证信息", &["车辆行驶证"]),
        ],
        "housing" => &[
            ("建筑施工许可信息", &["施工合同"]),
            ("住房公积金缴存信息", &[]),
        ],
        "medical_security" => &[("医保参保信息", &["医保卡"])],
        "veterans" => &[("退役军人信息", &["退役证"])],
        "justice" => &[("律师执业信息", &["律师执业证"]), ("公证文书信息", &[])],
        "agriculture" => &[("农村土地承包经营权信息", &[])],
        "ecology" => &[("环境影响评价审批信息", &["环境影响报告书"])],
        "emergency" => &[("安全生产许可信息", &["安全评价报告"])],
        "culture" => &[("文化经营许可信息", &[])],
        "fire" => &[("消防安全检查信息", &["消防安全检查意见"])],
        "water_resources" => &[("取水许可信息", &["水资源论证报告"])],
        "forestry" => &[("林权登记信息", &["林权证"])],
        "commerce" => &[("对外贸易经营者备案信息", &[])],
        "tobacco" => &[("烟草专卖许可信息", &[])],
        "religion" => &[("宗教活动场所信息", &[])],
        "meteorology" => &[("雷电防护装置检测信息", &[])],
        "civil_air_defense" => &[("人防工程信息", &[])],
        _ => &[("政务服务事项信息", &[])],
    }
}

#[derive(Serialize)]
struct Doc {
    interfaces: Vec<Iface>,
}

#[derive(Serialize)]
struct Iface {
    id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    dataset: Option<String>,
    provider: String,
    consumers: Vec<String>,
    region_code: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    method: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    frequency: Option<&'static str>,
    last_updated: String,
    latency_slo_ms: u64,
    expect: ExpectOut,
    #[serde(skip_serializing_if = "Option::is_none")]
    auth: Option<AuthOut>,
    replaces_materials: Vec<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sharing_type: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    share_conditions: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    legal_basis: Option<&'static str>,
}

#[derive(Serialize)]
struct ExpectOut {
    status: u16,
    json_field: &'static str,
    freshness_field: &'static str,
}

#[derive(Serialize)]
struct AuthOut {
    bearer_env: &'static str,
}

const FREQUENCIES: &[(Frequency, u32)] = &[
    (Frequency::Realtime, 20),
    (Frequency::Hourly, 10),
    (Frequency::Daily, 35),
    (Frequency::Weekly, 15),
    (Frequency::Monthly, 15),
    (Frequency::Quarterly, 3),
    (Frequency::Yearly, 2),
];

fn frequency(rng: &mut ChaCha8Rng) -> Frequency {
    let mut x = rng.random_range(0..100);
    for (f, w) in FREQUENCIES {
        if x < *w {
            return *f;
        }
        x -= w;
    }
    Frequency::Daily
}

/// Conditions of 有条件共享, in the words registries use.
const CONDITIONS: &[&str] = &[
    "仅向承担相关审批、核验职责的部门提供，用于办件核验",
    "仅提供核验结果（是/否），不提供原始记录；经共享平台申请",
    "须经信息主体授权，按最小必要原则提供所需字段",
];

/// The law a 不予共享 resource rests on.
const SECRECY_LAW: &str = "《中华人民共和国保守国家秘密法》";

/// The sharing type of an interface as written (English or Chinese, as registries mix them),
/// its conditions, and the rule of a planted sharing-type defect. Only entries without another
/// planted defect get one (a 不予共享 entry is exempt from the orphan and url checks).
fn sharing_type(
    rng: &mut ChaCha8Rng,
    defect_rate: f64,
    clean: bool,
) -> (
    Option<&'static str>,
    Option<&'static str>,
    Option<&'static str>,
) {
    let chinese = rng.random_bool(0.5);
    let word = |t: SharingType| Some(if chinese { t.chinese() } else { t.as_str() });
    let conditional = rng.random_bool(0.3);
    let cond = CONDITIONS[rng.random_range(0..CONDITIONS.len())];
    let defect = if clean {
        rng.random_range(0.0..1.0)
    } else {
        1.0
    };
    let third = defect_rate / 3.0;
    if defect < third {
        (None, None, Some("sharing.type_missing"))
    } else if defect < 2.0 * third {
        (
            word(SharingType::Conditional),
            None,
            Some("sharing.conditions_missing"),
        )
    } else if defect < 3.0 * third {
        (
            word(SharingType::NotShared),
            None,
            Some("sharing.legal_basis_missing"),
        )
    } else if conditional {
        (word(SharingType::Conditional), Some(cond), None)
    } else {
        (word(SharingType::Unconditional), None, None)
    }
}

/// Write the registry; returns the number of interfaces.
pub fn write(plan: &Plan, path: &Path, sink: &mut Sink) -> Result<u64> {
    let set = RegionSet::china();
    let as_of = NaiveDate::parse_from_str(AS_OF, "%Y-%m-%d").unwrap_or_default();
    let defect_rate = match plan.scale {
        crate::sample::Scale::Demo => 0.10,
        _ => 0.04,
    };
    // Only papers this data set's catalog really asks for, so coverage can be computed.
    let asked: std::collections::BTreeSet<&str> = plan
        .items
        .iter()
        .flat_map(|i| i.materials.iter().copied())
        .collect();
    let mut out = Vec::new();
    for &ri in &plan.regions {
        let region = set.by_index(ri);
        if !matches!(region.level, Level::Province | Level::City) {
            continue;
        }
        let mut rng = plan.rng(3, ri as u64);
        // Its own stream, so sharing types leave every other planted defect where it was.
        let mut types_rng = plan.rng(7, ri as u64);
        let required = plan.required(region.level);
        let sectors: Vec<&str> = SECTORS
            .iter()
            .copied()
            .filter(|s| required.iter().any(|i| i.sector == *s))
            .collect();
        if sectors.len() < 3 {
            continue;
        }
        let dept = |s: &str| items::department(s, region.level, &region.name);
        // One silo per province (shares nothing), and one-way departments (consume only).
        let silo = (region.level == Level::Province).then(|| {
            let pool: Vec<_> = sectors
                .iter()
                .filter(|s| **s != "public_security")
                .collect();
            *pool[rng.random_range(0..pool.len())]
        });
        let one_way = (region.level == Level::Province || rng.random_bool(0.2)).then(|| {
            let pool: Vec<_> = sectors
                .iter()
                .filter(|s| Some(**s) != silo && **s != "public_security")
                .collect();
            *pool[rng.random_range(0..pool.len())]
        });
        let consumers_pool: Vec<&str> = sectors
            .iter()
            .copied()
            .filter(|s| Some(*s) != silo)
            .collect();
        let code = display_code(&region.code);
        let mut ifaces: Vec<(Iface, bool)> = Vec::new();
        for s in &sectors {
            if Some(*s) == silo || Some(*s) == one_way {
                continue;
            }
            let all = datasets(s);
            let n = if region.level == Level::Province {
                all.len()
            } else {
                all.len().min(2)
            };
            for (k, (name, papers)) in all.iter().take(n).enumerate() {
                let freq = frequency(&mut rng);
                let id = format!("GX{code}-{:03}", ifaces.len() + 1);
                let orphan = rng.random_bool(defect_rate / 3.0);
                let stale = !orphan && rng.random_bool(defect_rate / 3.0);
                let meta = !orphan && !stale && rng.random_bool(defect_rate / 3.0);
                let period = freq.period().as_secs() / 86_400;
                let age = if stale {
                    (period.max(1) * rng.random_range(3..10)) + 30
                } else {
                    rng.random_range(0..=period)
                };
                let day = as_of - Days::new(age);
                let last_updated =
                    if matches!(freq, Frequency::Realtime | Frequency::Hourly) && !stale {
                        format!("{AS_OF}T23:{:02}:00+08:00", rng.random_range(0..60))
                    } else {
                        day.format("%Y-%m-%d").to_string()
                    };
                let mut iface = Iface {
                    id: id.clone(),
                    dataset: Some(name.to_string()),
                    provider: dept(s),
                    consumers: Vec::new(),
                    region_code: code.clone(),
                    url: Some(format!(
                        "https://gxpt.{code}.gov.cn/share/{s}/v1/ds{:02}",
                        k + 1
                    )),
                    method: if rng.random_bool(0.8) { "GET" } else { "POST" },
                    frequency: Some(freq.as_str()),
                    last_updated,
                    latency_slo_ms: [300, 500, 800, 1000, 2000][rng.random_range(0..5)],
                    expect: ExpectOut {
                        status: 200,
                        json_field: "data",
                        freshness_field: "data.updated_at",
                    },
                    auth: rng.random_bool(0.35).then_some(AuthOut {
                        bearer_env: "SHARING_TOKEN",
                    }),
                    replaces_materials: papers
                        .iter()
                        .copied()
                        .filter(|p| asked.contains(p))
                        .collect(),
                    sharing_type: None,
                    share_conditions: None,
                    legal_basis: None,
                };
                let (stype, conditions, type_rule) =
                    sharing_type(&mut types_rng, defect_rate, !(orphan || stale || meta));
                iface.sharing_type = stype;
                iface.share_conditions = conditions;
                if let Some(rule) = type_rule {
                    sink.push(&Defect::new(rule, &region.code, None, vec![id.clone()]))?;
                }
                let rule = if orphan {
                    Some("sharing.orphan")
                } else if stale {
                    Some("sharing.stale")
                } else if meta {
                    match rng.random_range(0..3) {
                        0 => iface.url = None,
                        1 => iface.frequency = None,
                        _ => iface.dataset = None,
                    }
                    Some("sharing.metadata")
                } else {
                    None
                };
                if let Some(rule) = rule {
                    sink.push(&Defect::new(rule, &region.code, None, vec![id]))?;
                }
                ifaces.push((iface, orphan));
            }
        }
        assign_consumers(&mut ifaces, &consumers_pool, &dept, &mut rng);
        if region.level == Level::Province {
            ifaces.push((secrecy_register(&region.name, &code, ifaces.len()), true));
        }
        for (s, rule) in [(silo, "sharing.silo"), (one_way, "sharing.one_way")] {
            if let Some(s) = s {
                let mut d = Defect::new(rule, &region.code, None, Vec::new());
                d.department = Some(dept(s));
                sink.push(&d)?;
            }
        }
        out.extend(ifaces.into_iter().map(|(i, _)| i));
    }
    let n = out.len() as u64;
    let body = crate::yaml::to_string(&Doc { interfaces: out }).map_err(Error::Other)?;
    let head =
        "# Data-sharing registry generated by `govops sample` (synthetic; see truth.json).\n";
    crate::report::output::write_atomic(path, format!("{head}{body}").as_bytes())?;
    Ok(n)
}

/// Give every non-orphan interface 1–3 consumers, and every department of the pool at least
/// one interface it consumes (so nobody is one-way by accident).
fn assign_consumers(
    ifaces: &mut [(Iface, bool)],
    pool: &[&str],
    dept: &dyn Fn(&str) -> String,
    rng: &mut ChaCha8Rng,
) {
    let live: Vec<usize> = (0..ifaces.len()).filter(|&i| !ifaces[i].1).collect();
    if live.is_empty() {
        return;
    }
    let names: Vec<String> = pool.iter().map(|s| dept(s)).collect();
    for &i in &live {
        for _ in 0..rng.random_range(1..=3) {
            let c = &names[rng.random_range(0..names.len())];
            let iface = &mut ifaces[i].0;
            if *c != iface.provider && !iface.consumers.contains(c) {
                iface.consumers.push(c.clone());
            }
        }
    }
    for c in &names {
        if live.iter().any(|&i| ifaces[i].0.consumers.contains(c)) {
            continue;
        }
        // An interface this department does not itself provide.
        let start = rng.random_range(0..live.len());
        if let Some(&i) = (0..live.len())
            .map(|k| &live[(start + k) % live.len()])
            .find(|&&i| ifaces[i].0.provider != *c)
        {
            ifaces[i].0.consumers.push(c.clone());
        }
    }
    for &i in &live {
        let iface = &mut ifaces[i].0;
        if iface.consumers.is_empty() {
            if let Some(c) = names.iter().find(|c| **c != iface.provider) {
                iface.consumers.push(c.clone());
            }
        }
    }
    for (iface, _) in ifaces.iter_mut() {
        iface.consumers.sort();
    }
}

/// The province's 国家保密局 and its one resource, 不予共享 by law: no consumers, no URL, and
/// not a silo (`sharing.silo` must stay quiet on it).
fn secrecy_register(province: &str, code: &str, n: usize) -> Iface {
    Iface {
        id: format!("GX{code}-{:03}", n + 1),
        dataset: Some("定密事项目录".to_string()),
        provider: format!("{province}国家保密局"),
        consumers: Vec::new(),
        region_code: code.to_string(),
        url: None,
        method: "GET",
        frequency: Some(Frequency::Monthly.as_str()),
        last_updated: AS_OF.to_string(),
        latency_slo_ms: 1000,
        expect: ExpectOut {
            status: 200,
            json_field: "data",
            freshness_field: "data.updated_at",
        },
        auth: None,
        replaces_materials: Vec::new(),
        sharing_type: Some(SharingType::NotShared.chinese()),
        share_conditions: None,
        legal_basis: Some(SECRECY_LAW),
    }
}
