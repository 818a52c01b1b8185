//! The demo's live data-sharing interfaces, served on loopback by the process itself: about
//! thirty realistic provincial interfaces (居民身份证信息, 婚姻登记信息, 不动产登记信息 …), most
//! healthy, some with planted faults — a 500, a 404, one slow beyond its SLO, one that never
//! answers, invalid JSON, a missing field, stale data, an oversize body, a redirect loop — plus
//! registry-level faults (an orphan, a silo department, an island, a one-way consumer, missing
//! metadata, a stale `last_updated`, an undeclared sharing type, 有条件共享 without conditions,
//! 不予共享 without a legal basis). 浙江省国家保密局 withholds its one resource by law: not a
//! silo. Department names match the demo catalog of
//! `govops sample` (浙江省 …), where 浙江省应急管理厅 shares nothing: a silo.
//!
//! The server runs on its own thread and Tokio runtime, so it works the same from synchronous
//! code (`govops sharing --probe`) and from inside another runtime (the monitor).

use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

use crate::error::{Error, Result};
use crate::model::{Auth, Expect, Frequency, Interface, SharingType};

/// A running demo server; it stops when dropped.
pub struct DemoServer {
    /// e.g. `http://127.0.0.1:41234`
    pub base_url: String,
    /// The demo registry, its URLs pointing at this server.
    pub registry: Vec<Interface>,
    /// The server's task on the process's runtime; aborted on drop. (A connection still
    /// held by the hanging endpoint ends with the process or its hour.)
    task: tokio::task::JoinHandle<()>,
}

impl Drop for DemoServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// How an endpoint behaves.
#[derive(Debug, Clone, Copy)]
enum Fault {
    Healthy,
    Status(u16),
    /// Answers after this many milliseconds.
    Slow(u64),
    /// Accepts the request and never answers.
    Hang,
    BadJson,
    /// Answers without the expected `data.records`.
    MissingField,
    /// The data's own timestamp is this many days old.
    StaleDays(i64),
    /// Streams this many MiB.
    OversizeMib(usize),
    /// Redirects to another path (two of them make a loop).
    RedirectTo(&'static str),
}

struct Spec {
    id: &'static str,
    dataset: &'static str,
    provider: &'static str,
    consumers: &'static [&'static str],
    freq: Option<Frequency>,
    slo_ms: Option<u64>,
    /// `None`: no URL in the registry (a metadata fault).
    path: Option<&'static str>,
    fault: Fault,
    replaces: &'static [&'static str],
    /// Days since the registry's `last_updated`.
    updated_days_ago: i64,
}

const GA: &str = "浙江省公安厅";
const MZ: &str = "浙江省民政厅";
const SC: &str = "浙江省市场监督管理局";
const RS: &str = "浙江省人力资源和社会保障厅";
const ZR: &str = "浙江省自然资源厅";
const WJ: &str = "浙江省卫生健康委员会";
const JY: &str = "浙江省教育厅";
const YB: &str = "浙江省医疗保障局";
const SW: &str = "国家税务总局浙江省税务局";
const GJJ: &str = "浙江省住房公积金管理中心";
const ZJ: &str = "浙江省住房和城乡建设厅";
const TJ: &str = "浙江省统计局";
const SF: &str = "浙江省司法厅";
const JT: &str = "浙江省交通运输厅";
const CL: &str = "浙江省残疾人联合会";
const DA: &str = "浙江省档案馆";
const GZ: &str = "浙江省国有资产监督管理委员会";
const JR: &str = "浙江省地方金融管理局";
const ZW: &str = "浙江省政务服务中心";

use Frequency::{Daily, Monthly, Realtime, Weekly};

#[rustfmt::skip]
const SPECS: &[Spec] = &[
    Spec { id: "GX-GA-001", dataset: "居民身份证信息", provider: GA, consumers: &[MZ, RS, SC, ZW, YB, GJJ], freq: Some(Realtime), slo_ms: Some(800), path: Some("/api/ga/id-card"), fault: Fault::Healthy, replaces: &["身份证", "居民身份证"], updated_days_ago: 0 },
    Spec { id: "GX-GA-002", dataset: "户籍信息", provider: GA, consumers: &[JY, MZ, WJ], freq: Some(Daily), slo_ms: Some(800), path: Some("/api/ga/household"), fault: Fault::Healthy, replaces: &["户口簿", "户籍证明"], updated_days_ago: 0 },
    Spec { id: "GX-GA-003", dataset: "机动车驾驶证信息", provider: GA, consumers: &[JT, YB], freq: Some(Daily), slo_ms: Some(800), path: Some("/api/ga/driving-licence"), fault: Fault::Healthy, replaces: &["机动车驾驶证", "车辆行驶证"], updated_days_ago: 0 },
    Spec { id: "GX-MZ-001", dataset: "婚姻登记信息", provider: MZ, consumers: &[GA, GJJ, ZR, SW], freq: Some(Daily), slo_ms: Some(800), path: Some("/api/mz/marriage"), fault: Fault::Healthy, replaces: &["结婚证", "离婚证", "婚姻状况证明"], updated_days_ago: 0 },
    Spec { id: "GX-MZ-002", dataset: "低保救助对象信息", provider: MZ, consumers: &[YB, JY], freq: Some(Monthly), slo_ms: Some(800), path: Some("/api/mz/subsistence"), fault: Fault::Healthy, replaces: &["最低生活保障证"], updated_days_ago: 10 },
    Spec { id: "GX-MZ-003", dataset: "殡葬服务信息", provider: MZ, consumers: &[GA], freq: None, slo_ms: None, path: None, fault: Fault::Healthy, replaces: &["火化证明"], updated_days_ago: 3 },
    Spec { id: "GX-SC-001", dataset: "企业登记信息", provider: SC, consumers: &[SW, RS, GA, ZW], freq: Some(Realtime), slo_ms: Some(800), path: Some("/api/sc/enterprise"), fault: Fault::Healthy, replaces: &["营业执照", "营业执照副本"], updated_days_ago: 0 },
    Spec { id: "GX-SC-002", dataset: "食品经营许可信息", provider: SC, consumers: &[WJ], freq: Some(Daily), slo_ms: Some(800), path: Some("/api/sc/food-licence"), fault: Fault::Healthy, replaces: &["食品经营许可证"], updated_days_ago: 0 },
    Spec { id: "GX-RS-001", dataset: "社保参保信息", provider: RS, consumers: &[GJJ, YB, JY, ZW], freq: Some(Daily), slo_ms: Some(800), path: Some("/api/rs/social-insurance"), fault: Fault::Healthy, replaces: &["社保缴费证明", "社会保险参保证明"], updated_days_ago: 0 },
    Spec { id: "GX-RS-002", dataset: "职业资格证书信息", provider: RS, consumers: &[SC, ZJ], freq: Some(Weekly), slo_ms: Some(800), path: Some("/api/rs/qualification"), fault: Fault::Healthy, replaces: &["职业资格证书"], updated_days_ago: 2 },
    Spec { id: "GX-ZR-001", dataset: "不动产登记信息", provider: ZR, consumers: &[SW, GJJ, MZ, ZW], freq: Some(Daily), slo_ms: Some(300), path: Some("/api/zr/real-estate"), fault: Fault::Slow(650), replaces: &["不动产权证书", "房屋所有权证"], updated_days_ago: 0 },
    Spec { id: "GX-WJ-001", dataset: "出生医学证明信息", provider: WJ, consumers: &[GA, MZ, YB], freq: Some(Daily), slo_ms: Some(800), path: Some("/api/wj/birth"), fault: Fault::Hang, replaces: &["出生医学证明"], updated_days_ago: 0 },
    Spec { id: "GX-WJ-002", dataset: "死亡医学证明信息", provider: WJ, consumers: &[GA, MZ, RS], freq: Some(Daily), slo_ms: Some(800), path: Some("/api/wj/death"), fault: Fault::Healthy, replaces: &["死亡医学证明"], updated_days_ago: 0 },
    Spec { id: "GX-WJ-003", dataset: "医师执业注册信息", provider: WJ, consumers: &[RS, YB], freq: Some(Weekly), slo_ms: Some(800), path: Some("/api/wj/physician"), fault: Fault::Healthy, replaces: &["医师资格证书", "医师执业证书"], updated_days_ago: 1 },
    Spec { id: "GX-JY-001", dataset: "学历学籍信息", provider: JY, consumers: &[RS, GA], freq: Some(Monthly), slo_ms: Some(800), path: Some("/api/jy/education"), fault: Fault::Status(404), replaces: &["毕业证书", "学位证书"], updated_days_ago: 5 },
    Spec { id: "GX-YB-001", dataset: "医保参保信息", provider: YB, consumers: &[RS, WJ, MZ], freq: Some(Daily), slo_ms: Some(800), path: Some("/api/yb/medical-insurance"), fault: Fault::BadJson, replaces: &["医保卡", "医保参保证明"], updated_days_ago: 0 },
    Spec { id: "GX-SW-001", dataset: "纳税证明信息", provider: SW, consumers: &[SC, GJJ, ZR], freq: Some(Daily), slo_ms: Some(800), path: Some("/api/sw/tax-certificate"), fault: Fault::MissingField, replaces: &["完税证明", "纳税证明"], updated_days_ago: 0 },
    Spec { id: "GX-GJJ-001", dataset: "住房公积金缴存信息", provider: GJJ, consumers: &[ZR, RS, SW], freq: Some(Daily), slo_ms: Some(800), path: Some("/api/gjj/deposit"), fault: Fault::StaleDays(23), replaces: &["住房公积金缴存证明"], updated_days_ago: 0 },
    Spec { id: "GX-ZJ-001", dataset: "建筑业企业资质信息", provider: ZJ, consumers: &[SC], freq: Some(Weekly), slo_ms: Some(800), path: Some("/api/zj/construction"), fault: Fault::Healthy, replaces: &["建筑业企业资质证书"], updated_days_ago: 1 },
    Spec { id: "GX-TJ-001", dataset: "人口统计数据", provider: TJ, consumers: &[WJ, JY, RS], freq: Some(Monthly), slo_ms: Some(2000), path: Some("/api/tj/population"), fault: Fault::OversizeMib(8), replaces: &[], updated_days_ago: 12 },
    Spec { id: "GX-SF-001", dataset: "律师执业信息", provider: SF, consumers: &[SC, ZW], freq: Some(Weekly), slo_ms: Some(800), path: Some("/api/sf/lawyer"), fault: Fault::RedirectTo("/api/sf/lawyer-v2"), replaces: &["律师执业证"], updated_days_ago: 2 },
    Spec { id: "GX-SF-002", dataset: "公证书信息", provider: SF, consumers: &[MZ, GA], freq: Some(Daily), slo_ms: Some(800), path: Some("/api/sf/notary"), fault: Fault::Healthy, replaces: &["公证书"], updated_days_ago: 0 },
    Spec { id: "GX-JT-001", dataset: "道路运输经营许可信息", provider: JT, consumers: &[SC, GA], freq: Some(Daily), slo_ms: Some(800), path: Some("/api/jt/road-transport"), fault: Fault::Status(500), replaces: &["道路运输经营许可证"], updated_days_ago: 0 },
    Spec { id: "GX-JT-002", dataset: "机动车驾驶员培训信息", provider: JT, consumers: &[GA], freq: Some(Weekly), slo_ms: Some(800), path: Some("/api/jt/driver-training"), fault: Fault::Healthy, replaces: &["驾驶培训结业证书"], updated_days_ago: 3 },
    Spec { id: "GX-CL-001", dataset: "残疾人证信息", provider: CL, consumers: &[MZ, RS, YB], freq: Some(Monthly), slo_ms: Some(800), path: Some("/api/cl/disability"), fault: Fault::Healthy, replaces: &["残疾人证"], updated_days_ago: 150 },
    Spec { id: "GX-DA-001", dataset: "婚姻档案查询", provider: DA, consumers: &[], freq: Some(Monthly), slo_ms: Some(800), path: Some("/api/da/marriage-archive"), fault: Fault::Healthy, replaces: &["婚姻档案证明"], updated_days_ago: 8 },
    Spec { id: "GX-GZ-001", dataset: "国有企业产权登记信息", provider: GZ, consumers: &[JR], freq: Some(Monthly), slo_ms: Some(800), path: Some("/api/gz/state-assets"), fault: Fault::Healthy, replaces: &["产权登记证"], updated_days_ago: 6 },
    Spec { id: "GX-JR-001", dataset: "地方金融组织监管信息", provider: JR, consumers: &[GZ], freq: Some(Monthly), slo_ms: Some(800), path: Some("/api/jr/local-finance"), fault: Fault::Healthy, replaces: &[], updated_days_ago: 6 },
    Spec { id: "GX-BM-001", dataset: "定密事项目录", provider: BM, consumers: &[], freq: Some(Monthly), slo_ms: None, path: None, fault: Fault::Healthy, replaces: &[], updated_days_ago: 20 },
];

const BM: &str = "浙江省国家保密局";

/// Sharing types other than 无条件共享 (the default), with their conditions or legal basis;
/// `None` as the type plants `sharing.type_missing`, a missing text the conditions or basis
/// rule.
#[rustfmt::skip]
const SHARING: &[(&str, Option<SharingType>, Option<&str>)] = &[
    ("GX-MZ-002", Some(SharingType::Conditional), Some("仅向承担社会救助、医疗救助和教育资助职责的部门提供，用于救助对象资格核对")),
    ("GX-RS-001", Some(SharingType::Conditional), Some("仅提供参保状态和缴费月数，不含缴费基数；使用部门经共享平台申请")),
    ("GX-SW-001", Some(SharingType::Conditional), Some("仅提供完税证明所列税种和金额，须经纳税人授权")),
    ("GX-WJ-003", Some(SharingType::Conditional), None),
    ("GX-JT-002", None, None),
    ("GX-SF-002", Some(SharingType::NotShared), None),
    ("GX-BM-001", Some(SharingType::NotShared), Some("《中华人民共和国保守国家秘密法》")),
];

/// The sharing type, conditions and legal basis of the entry `id`.
fn sharing(id: &str) -> (Option<SharingType>, Option<String>, Option<String>) {
    match SHARING.iter().find(|(i, ..)| *i == id) {
        Some((_, t, text)) => {
            let text = text.map(str::to_string);
            match t {
                Some(SharingType::NotShared) => (*t, None, text),
                _ => (*t, text, None),
            }
        }
        None => (Some(SharingType::Unconditional), None, None),
    }
}

/// Extra routes that are not registry entries themselves (the far end of the redirect loop).
const LOOP_BACK: (&str, &str) = ("/api/sf/lawyer-v2", "/api/sf/lawyer");

/// Start the demo's loopback interfaces (healthy ones and planted faults).
pub fn start() -> Result<DemoServer> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.set_nonblocking(true).map(|_| l))
        .map_err(|e| Error::io("127.0.0.1 (demo server)", e))?;
    let addr = listener
        .local_addr()
        .map_err(|e| Error::io("127.0.0.1 (demo server)", e))?;
    let base_url = format!("http://{addr}");
    let rt = crate::runtime::get()?;
    // Registered with the runtime's reactor: `from_std` needs the runtime's context.
    let listener = {
        let _enter = rt.enter();
        tokio::net::TcpListener::from_std(listener)
            .map_err(|e| Error::io("127.0.0.1 (demo server)", e))?
    };
    let task = rt.spawn(async move {
        let _ = axum::serve(listener, router()).await;
    });
    let registry = registry(&base_url);
    Ok(DemoServer {
        base_url,
        registry,
        task,
    })
}

/// The demo registry with URLs on `base_url`. Dates are relative to `report::envelope::now()`
/// (so `SOURCE_DATE_EPOCH` makes it reproducible).
pub fn registry(base_url: &str) -> Vec<Interface> {
    let now = crate::report::envelope::now();
    SPECS
        .iter()
        .enumerate()
        .map(|(n, s)| {
            let (sharing_type, share_conditions, legal_basis) = sharing(s.id);
            Interface {
                id: s.id.into(),
                dataset: s.dataset.into(),
                provider: s.provider.into(),
                consumers: s.consumers.iter().map(|c| c.to_string()).collect(),
                region_code: Some("33".into()),
                url: s.path.map(|p| format!("{base_url}{p}")),
                method: "GET".into(),
                frequency: s.freq,
                last_updated: Some(
                    (now - chrono::Duration::days(s.updated_days_ago)
                        - chrono::Duration::minutes(3))
                    .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                ),
                latency_slo_ms: s.slo_ms,
                expect: Expect {
                    status: None,
                    body_contains: matches!(s.id, "GX-ZJ-001").then(|| "成功".to_string()),
                    json_field: Some("data.records".into()),
                    freshness_field: Some("meta.updated_at".into()),
                },
                auth: Auth::default(),
                replaces_materials: s.replaces.iter().map(|m| m.to_string()).collect(),
                sharing_type,
                share_conditions,
                legal_basis,
                line: n as u64 + 1,
                issues: missing(s),
            }
        })
        .collect()
}

fn missing(s: &Spec) -> Vec<crate::model::FieldIssue> {
    let mut out = Vec::new();
    let mut add = |field: &str| {
        out.push(crate::model::FieldIssue {
            field: field.into(),
            expected: "a value".into(),
            found: "nothing".into(),
        })
    };
    if s.path.is_none() {
        add("url");
    }
    if s.freq.is_none() {
        add("frequency");
    }
    if s.consumers.is_empty() {
        out.push(crate::model::FieldIssue {
            field: "consumers".into(),
            expected: "at least one consumer".into(),
            found: "none".into(),
        });
    }
    out
}

fn router() -> Router {
    let mut r = Router::new();
    for s in SPECS {
        if let Some(path) = s.path {
            let (fault, dataset) = (s.fault, s.dataset);
            r = r.route(path, get(move || respond(fault, dataset)));
        }
    }
    let (from, to) = LOOP_BACK;
    r.route(from, get(move || respond(Fault::RedirectTo(to), "")))
}

async fn respond(fault: Fault, dataset: &'static str) -> Response {
    let now = crate::report::envelope::now();
    let fresh = now - chrono::Duration::seconds(90);
    match fault {
        Fault::Healthy => ok(dataset, fresh),
        Fault::Slow(ms) => {
            tokio::time::sleep(Duration::from_millis(ms)).await;
            ok(dataset, fresh)
        }
        Fault::Hang => {
            tokio::time::sleep(Duration::from_secs(3600)).await;
            ok(dataset, fresh)
        }
        Fault::Status(code) => {
            let status = StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            let body = serde_json::json!({"code": code, "msg": if code == 404 { "接口不存在" } else { "系统内部错误" }});
            (status, axum::Json(body)).into_response()
        }
        Fault::BadJson => (
            [(header::CONTENT_TYPE, "application/json")],
            "{\"code\":0,\"msg\":\"成功\",\"data\":{\"records\":[{\"xm\":\"张*\",\"cbzt\":\"参保缴费\"",
        )
            .into_response(),
        Fault::MissingField => axum::Json(serde_json::json!({
            "code": 0, "msg": "成功",
            "data": {"items": [], "note": "字段已迁移至 data.items"},
            "meta": {"updated_at": fresh.to_rfc3339()},
        }))
        .into_response(),
        Fault::StaleDays(d) => ok(dataset, now - chrono::Duration::days(d)),
        Fault::OversizeMib(mib) => {
            let chunk = Bytes::from("{\"xzqh\":\"330100\",\"rks\":1234567},".repeat(2048));
            let n = (mib << 20) / chunk.len() + 1;
            let stream = futures_util::stream::iter((0..n).map(move |_| Ok::<_, std::io::Error>(chunk.clone())));
            ([(header::CONTENT_TYPE, "application/json")], Body::from_stream(stream)).into_response()
        }
        Fault::RedirectTo(to) => (StatusCode::FOUND, [(header::LOCATION, to)]).into_response(),
    }
}

fn ok(dataset: &str, updated: chrono::DateTime<chrono::Utc>) -> Response {
    let body = serde_json::json!({
        "code": 0,
        "msg": "成功",
        "data": {
            "dataset": dataset,
            "total": 2,
            "records": [
                {"xm": "张*", "zjhm": "330102********1234", "zt": "有效"},
                {"xm": "李*", "zjhm": "330106********5678", "zt": "有效"},
            ],
        },
        "meta": {"updated_at": updated.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)},
    });
    let last_modified = updated.format("%a, %d %b %Y %H:%M:%S GMT").to_string();
    ([(header::LAST_MODIFIED, last_modified)], axum::Json(body)).into_response()
}
