#!/usr/bin/env python3
"""Normalise the researched dataset in data/raw/ into the typed files the app embeds.

Run from the repository root: python3 scripts/normalise_data.py
Reads only data/raw/ (a verbatim copy of the researched files); writes data/offerings.csv,
data/offerings.json, data/published_figures.csv, data/hashprice_monthly.csv,
data/network_daily.csv and tests/fixtures/quarterly_totals.csv. The schema is in data/README.md.
Unknowns stay unknown: nothing here invents a value the source does not give.
"""
import csv, json, os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RAW = os.path.join(ROOT, "data", "raw")
OUT = os.path.join(ROOT, "data")
REFERENCE_ONLY = {"GLXY-2025-10-EQUITY", "BITF-2025-10-MACQ-CONV"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
NUM = re.compile(r"^\d+(\.\d+)?$")
RANGE = re.compile(r"^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$")

def precision(d):
    return {10: "day", 7: "month", 4: "year"}.get(len(d), "unknown") if d else "unknown"

def coupon(text):
    t = text.strip()
    if not t:
        return "unknown", "", ""
    if NUM.match(t):
        return "fixed", t, t
    m = RANGE.match(t)
    if m:
        return "range", m.group(1), m.group(2)
    return "floating", "", ""

def maturity(text):
    t = text.strip()
    if not t:
        return "", ""
    if DATE.match(t):
        return t, ""
    head = t.split(" ")[0]
    if DATE.match(head) and len(head) == 4:   # "2029 (5-yr initial term, extendable)"
        return head, t
    return "", t

COLUMNS = ["id", "issuer", "ticker", "announced", "announced_precision", "closed", "closed_precision",
           "quarter", "instrument", "principal_usd", "initial_usd", "coupon_kind", "coupon_min_pct",
           "coupon_max_pct", "coupon_text", "maturity_date", "maturity_text", "conversion_price_usd",
           "conversion_premium_pct", "reference_price_usd", "conversion_rate_per_1000", "capped_call",
           "cap_price_usd", "put_date", "call_start", "call_trigger_pct", "terms_source_url",
           "collateral", "use_of_proceeds", "reference_only", "source_url",
           "source_title", "confidence", "notes"]

def options():
    """Holder puts and issuer calls of the convertibles (raw/convertible_options.csv): the first
    put date when a deal has several, "none" where a source rules a put out."""
    rows = {r["id"]: r for r in csv.DictReader(open(os.path.join(RAW, "convertible_options.csv"), newline=""))}
    for r in rows.values():
        put = r["put_date"].split(";")[0].strip()
        assert not put or put == "none" or DATE.match(put), (r["id"], put)
        assert not r["call_start"] or DATE.match(r["call_start"]), (r["id"], r["call_start"])
        assert not r["call_trigger_pct"] or NUM.match(r["call_trigger_pct"]), (r["id"], r["call_trigger_pct"])
        r["put_date"] = put
    return rows

def offerings():
    rows = list(csv.DictReader(open(os.path.join(RAW, "offerings.csv"), newline="")))
    terms = options()
    unknown = set(terms) - {r["id"] for r in rows}
    assert not unknown, f"convertible_options.csv names deals not in offerings.csv: {unknown}"
    out = []
    for r in rows:
        o = terms.get(r["id"], {})
        for d in ("announced", "closed"):
            assert not r[d] or DATE.match(r[d]), (r["id"], d, r[d])
        kind, lo, hi = coupon(r["coupon_pct"])
        mdate, mtext = maturity(r["maturity"])
        for c in ("principal_usd", "initial_usd"):
            assert not r[c] or r[c].isdigit(), (r["id"], c, r[c])
        out.append({
            "id": r["id"], "issuer": r["issuer"], "ticker": r["ticker"],
            "announced": r["announced"], "announced_precision": precision(r["announced"]),
            "closed": r["closed"], "closed_precision": precision(r["closed"]),
            "quarter": r["quarter"], "instrument": r["instrument"],
            "principal_usd": r["principal_usd"], "initial_usd": r["initial_usd"],
            "coupon_kind": kind, "coupon_min_pct": lo, "coupon_max_pct": hi,
            "coupon_text": r["coupon_pct"],
            "maturity_date": mdate, "maturity_text": mtext,
            "conversion_price_usd": r["conversion_price_usd"],
            "conversion_premium_pct": r["conversion_premium_pct"],
            "reference_price_usd": r["reference_price_usd"],
            "conversion_rate_per_1000": r["conversion_rate_per_1000"],
            "capped_call": r["capped_call"] or "unknown", "cap_price_usd": r["cap_price_usd"],
            "put_date": o.get("put_date", ""), "call_start": o.get("call_start", ""),
            "call_trigger_pct": o.get("call_trigger_pct", ""),
            "terms_source_url": o.get("source_url", "") if any(o.get(k) for k in ("put_date", "call_start", "call_trigger_pct")) else "",
            "collateral": r["collateral"], "use_of_proceeds": r["use_of_proceeds"],
            "reference_only": "true" if r["id"] in REFERENCE_ONLY else "false",
            "source_url": r["source_url"], "source_title": r["source_title"],
            "confidence": r["confidence"], "notes": r["notes"],
        })
    with open(os.path.join(OUT, "offerings.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(out)
    def typed(row):
        num = lambda v: None if v == "" else (int(v) if v.isdigit() else float(v))
        j = dict(row)
        for c in ("principal_usd", "initial_usd", "coupon_min_pct", "coupon_max_pct",
                  "conversion_price_usd", "conversion_premium_pct", "reference_price_usd",
                  "conversion_rate_per_1000", "cap_price_usd", "call_trigger_pct"):
            j[c] = num(row[c])
        for c in ("announced", "closed", "quarter", "maturity_date", "maturity_text", "coupon_text", "collateral",
                  "put_date", "call_start", "terms_source_url"):
            j[c] = row[c] or None
        j["reference_only"] = row["reference_only"] == "true"
        return j
    with open(os.path.join(OUT, "offerings.json"), "w") as f:
        json.dump({"schema": "data/README.md", "licence": "see data/README.md",
                   "deals": [typed(r) for r in out]}, f, indent=1, ensure_ascii=False)
        f.write("\n")
    return out

MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()

def published_on(source):
    """The publication day a source names as "(Oct 16 2025)", as YYYY-MM-DD; empty if none."""
    m = re.search(r"\((%s) (\d{1,2}) (\d{4})\)" % "|".join(MONTHS), source)
    return "%s-%02d-%02d" % (m.group(3), MONTHS.index(m.group(1)) + 1, int(m.group(2))) if m else ""

def published():
    rows = list(csv.DictReader(open(os.path.join(RAW, "quarterly_totals.csv"), newline="")))
    url = lambda s: s[s.index("http"):].split(" ")[0] if "http" in s else ""
    picks = []
    for r in rows:
        q, total, src = r["quarter"], r["total_usd"], r["source"]
        if src.startswith("TheMinerMag") and re.match(r"^\d{4}Q\d$", q) and total:
            bound = "under" if total.startswith("<") else "exact"
            picks.append(("issuance_quarter", q, total.lstrip("<"), bound, "TheMinerMag", url(src), published_on(src)))
        elif src.startswith("VanEck") and total:
            # "as of ~2024-10-15" is approximate: keep only the month the source is sure of.
            period = q[len("as of ~"):][:7] if q.startswith("as of ~") else q.replace("as of ", "")
            picks.append(("debt_outstanding", period, total, "exact", "VanEck", url(src), published_on(src)))
    with open(os.path.join(OUT, "published_figures.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["kind", "period", "value_usd", "bound", "publisher", "source_url", "published_on"])
        w.writerows(picks)
    return picks

def copy(src, dst):
    with open(src, newline="") as a, open(dst, "w", newline="") as b:
        b.write(a.read())

if __name__ == "__main__":
    deals = offerings()
    figures = published()
    copy(os.path.join(RAW, "hashprice_monthly.csv"), os.path.join(OUT, "hashprice_monthly.csv"))
    copy(os.path.join(RAW, "network_daily.csv"), os.path.join(OUT, "network_daily.csv"))
    os.makedirs(os.path.join(ROOT, "tests", "fixtures"), exist_ok=True)
    copy(os.path.join(RAW, "quarterly_totals.csv"), os.path.join(ROOT, "tests", "fixtures", "quarterly_totals.csv"))
    print(f"{len(deals)} deals, {len(figures)} published figures", file=sys.stderr)
