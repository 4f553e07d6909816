#!/usr/bin/env python3
"""Writes the demo hospital's people and records as TSV files next to this script.

departments.tsv and prices.tsv are edited by hand; this script reads them, the sample
ID cards in ../id_cards.tsv and the tables in clinical_data.py, and writes doctors,
patients, appointments, orders, order items, reports and lab results. The output only
depends on the inputs (fixed random seed), so re-running it gives the same files.

    python3 assets/demo/hospital/generate.py

All people are invented. Times are written relative to the day the kiosk first opens
its database (see README.md), so the demo always starts with fresh data.
"""
import os
import random
import sys

sys.dont_write_bytecode = True  # keep the assets folder free of __pycache__
from clinical_data import (DOCTOR_COUNTS, FEMALE_CHARS, IMAGING, LAB, LAB_STAFF, IMAGING_STAFF, MALE_CHARS,
                           ORDER_POOLS, REGIONS, REPORT_DEPARTMENTS, SPECIALITIES, SURNAMES)

HERE = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(20240611)

TITLES = ["主任医师", "副主任医师", "主治医师", "住院医师"]
TITLE_PLAN = {3: [0, 1, 2], 4: [0, 1, 2, 3], 5: [0, 1, 1, 2, 3]}
FEES = {0: [3000, 4000, 5000], 1: [2000, 2500], 2: [800, 1000], 3: [500]}
CAPACITY = {0: 4, 1: 6, 2: 8, 3: 10}
HALF_DAY_QUOTA = {0: 2, 1: 3, 2: 4, 3: 5}
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
CHECK_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECK_CHARS = "10X98765432"


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        lines = [line.rstrip("\n") for line in f if line.strip()]
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"))) for line in lines[1:]]


def write_tsv(name, header, rows):
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        f.write("\t".join(header) + "\n")
        for row in rows:
            cells = [str(row[h]) for h in header]
            assert all("\t" not in c and "\n" not in c for c in cells), row
            f.write("\t".join(cells) + "\n")


def check_digit(first17):
    return CHECK_CHARS[sum(int(d) * w for d, w in zip(first17, CHECK_WEIGHTS)) % 11]


# Doctors ---------------------------------------------------------------------------------------------------------

def unique_name(used, sex):
    while True:
        chars = MALE_CHARS if sex == "M" else FEMALE_CHARS
        given = rng.choice(chars) + (rng.choice(chars) if rng.random() < 0.85 else "")
        name = rng.choice(SURNAMES) + given
        if name not in used and len(set(given)) == len(given):
            used.add(name)
            return name


def schedule_for(department_id, ranks):
    """Half-days per doctor so that the department covers every weekday (and Saturday morning)."""
    if department_id == "D21":  # the emergency department is open every day
        required = [(d, p) for d in range(7) for p in ("AM", "PM")]
    else:
        required = [(d, p) for d in range(5) for p in ("AM", "PM")] + [(5, "AM")]
    quotas = [HALF_DAY_QUOTA[r] + (3 if department_id == "D21" else 0) for r in ranks]
    i = len(quotas) - 1
    while sum(quotas) < len(required):
        quotas[i] += 1
        i = i - 1 if i > 0 else len(quotas) - 1
    days = [set() for _ in ranks]
    shuffled = required[:]
    rng.shuffle(shuffled)
    for half_day in shuffled:
        free = [k for k in range(len(ranks)) if len(days[k]) < quotas[k] and half_day not in days[k]]
        k = max(free, key=lambda j: (quotas[j] - len(days[j]), rng.random()))
        days[k].add(half_day)
    for k in range(len(ranks)):
        while len(days[k]) < quotas[k]:
            days[k].add(rng.choice(required))
    return [",".join(f"{WEEKDAYS[d]}-{p}" for d, p in sorted(s, key=lambda x: (x[0], x[1]))) for s in days]


def make_doctors(departments, used_names):
    doctors = []
    for dept in departments:
        count = DOCTOR_COUNTS[dept["id"]]
        ranks = TITLE_PLAN[count]
        schedules = schedule_for(dept["id"], ranks)
        specialities = SPECIALITIES[dept["name"]][:]
        rng.shuffle(specialities)
        for k, rank in enumerate(ranks):
            sex = "F" if dept["id"] in ("D13", "D14") and rng.random() < 0.8 else rng.choice("MF")
            doctors.append({
                "id": f"DR{len(doctors) + 1:03d}",
                "department_id": dept["id"],
                "name": unique_name(used_names, sex),
                "title": TITLES[rank],
                "speciality": specialities[k % len(specialities)],
                "fee_fen": rng.choice(FEES[rank]),
                "capacity": CAPACITY[rank],
                "room": f"{dept['location']}{k + 1}号诊室",
                "schedule": schedules[k],
            })
    return doctors


# Patients --------------------------------------------------------------------------------------------------------

def sample_patients(cards):
    patients = []
    for card in cards:
        birth = card["birth"]
        patients.append({
            "id": f"P{100001 + len(patients):08d}",
            "name": card["name"] or card["english"],
            "id_number": card["id_number"],
            "visit_card": f"88{10000001 + len(patients) * 13:08d}",
            "sex": card["sex"],
            "birth_date": f"{birth[:4]}-{birth[4:6]}-{birth[6:]}",
            "phone": "1" + rng.choice(["38", "39", "58", "86"]) + f"{rng.randrange(10**8):08d}",
            "key": card["key"],
        })
    return patients


def make_patients(cards, used_names, count):
    patients = sample_patients(cards)
    taken = {p["id_number"] for p in patients}
    while len(patients) < len(cards) + count:
        sex = rng.choice("MF")
        roll = rng.random()
        age = rng.randint(1, 13) if roll < 0.08 else rng.randint(18, 64) if roll < 0.68 else rng.randint(65, 90)
        year, month = 2024 - age, rng.randint(1, 12)
        day = rng.randint(1, 28)
        sequence = rng.randrange(100) * 10 + rng.choice([1, 3, 5, 7, 9] if sex == "M" else [0, 2, 4, 6, 8])
        first17 = f"{rng.choice(REGIONS)}{year:04d}{month:02d}{day:02d}{sequence:03d}"
        id_number = first17 + check_digit(first17)
        if id_number in taken:
            continue
        taken.add(id_number)
        patients.append({
            "id": f"P{100001 + len(patients):08d}",
            "name": unique_name(used_names, sex),
            "id_number": id_number,
            "visit_card": f"88{10000001 + len(patients) * 13:08d}",
            "sex": sex,
            "birth_date": f"{year:04d}-{month:02d}-{day:02d}",
            "phone": "1" + rng.choice(["38", "39", "35", "36", "37", "50", "58", "86", "88", "89"])
                     + f"{rng.randrange(10**8):08d}",
            "key": "",
        })
    return patients


def age_of(patient):
    return 2024 - int(patient["birth_date"][:4])


def suits(patient, dept_id):
    """Children see paediatrics (and a few others); 妇科 and 产科 see adult women only."""
    child = age_of(patient) < 14
    if dept_id == "D15":
        return child
    if child:
        return dept_id in ("D16", "D17", "D18", "D19", "D21")
    if dept_id in ("D13", "D14"):
        return patient["sex"] == "F" and (dept_id == "D13" or age_of(patient) < 45)
    return True


# Orders, appointments, reports -----------------------------------------------------------------------------------

class Records:
    def __init__(self, departments, doctors, prices):
        self.departments = {d["id"]: d for d in departments}
        self.by_department = {}
        for doctor in doctors:
            self.by_department.setdefault(doctor["department_id"], []).append(doctor)
        self.price_by_name = {p["name"]: p for p in prices}
        self.orders, self.items, self.appointments, self.reports, self.results = [], [], [], [], []
        self.queue = {}

    def doctor(self, dept_id, index=None):
        pool = self.by_department[dept_id]
        return pool[index] if index is not None else rng.choice(pool)

    def add_order(self, patient, kind, dept_id, lines, ordered, doctor=None):
        prefix = {"prescription": "RX", "lab": "LA", "exam": "EX", "treatment": "TR"}[kind]
        order_id = f"{prefix}{26000001 + len(self.orders):08d}"
        doctor = doctor or self.doctor(dept_id)
        self.orders.append({"id": order_id, "patient_id": patient["id"], "kind": kind, "department_id": dept_id,
                            "doctor_id": doctor["id"], "ordered": ordered})
        for line, (name, quantity) in enumerate(lines, start=1):
            price = self.price_by_name[name]  # a KeyError here names an item missing from prices.tsv
            self.items.append({"order_id": order_id, "line": line, "code": price["code"], "quantity": quantity})

    def random_order(self, patient, ordered):
        dept_id = rng.choice([d for d in ORDER_POOLS if suits(patient, d)])
        pools = ORDER_POOLS[dept_id]
        kind = rng.choice([k for k in ("prescription", "lab", "exam", "treatment") if pools.get(k)])
        names = rng.sample(pools[kind], min(len(pools[kind]), rng.randint(1, 3 if kind != "exam" else 2)))
        quantity = {"prescription": (1, 3), "lab": (1, 1), "exam": (1, 1), "treatment": (1, 6)}[kind]
        self.add_order(patient, kind, dept_id, [(n, rng.randint(*quantity)) for n in names], ordered)

    def add_appointment(self, patient, doctor, day, start_hour, status, booked, queue=None):
        period = "AM" if start_hour < 12 else "PM"
        key = (doctor["id"], day, period)
        if queue is None:
            queue = self.queue.get(key, rng.randint(0, 6)) + rng.randint(1, 3)
        self.queue[key] = max(self.queue.get(key, 0), queue)
        self.appointments.append({"id": f"A{500001 + len(self.appointments):08d}", "patient_id": patient["id"],
                                  "doctor_id": doctor["id"], "day_offset": day, "start": f"{start_hour:02d}:00",
                                  "queue_number": queue, "status": status, "booked": booked})

    def add_lab_report(self, patient, title, dept_id, collected, ready, status, printed=0, fixed=None, doctor=None):
        specimen, analytes = LAB[title]
        report_id = self._report_id()
        abnormal = False
        for line, analyte in enumerate(analytes, start=1):
            value, reference, flag = lab_value(analyte, patient["sex"], (fixed or {}).get(analyte[0]))
            abnormal = abnormal or flag != "N"
            self.results.append({"report_id": report_id, "line": line, "code": analyte[0], "name": analyte[1],
                                 "value": value, "unit": analyte[2], "reference_range": reference, "flag": flag})
        reporter, reviewer = rng.sample(LAB_STAFF, 2)
        remark = "部分结果异常，请结合临床并咨询开单医生。" if abnormal else ""
        # A pending report carries its results already; the kiosk shows them only once the report is ready.
        self._add_report(report_id, patient, "lab", title, dept_id, specimen, collected, ready, status, printed,
                         "", remark, reporter, reviewer, doctor)

    def add_imaging_report(self, patient, title, dept_id, collected, ready, status, printed=0, variant=None,
                           doctor=None):
        section, normal, abnormal = IMAGING[title]
        if variant is None:
            variant = rng.randrange(len(abnormal) + 2) - 2
        findings, conclusion = normal if variant < 0 else abnormal[variant]
        reporter, reviewer = rng.sample(IMAGING_STAFF[section], 2)
        self._add_report(self._report_id(), patient, "imaging", title, dept_id, "", collected, ready, status,
                         printed, findings, conclusion, reporter, reviewer, doctor)

    def _report_id(self):
        return f"R{700001 + len(self.reports):08d}"

    def _add_report(self, report_id, patient, kind, title, dept_id, specimen, collected, ready, status, printed,
                    findings, conclusion, reporter, reviewer, doctor):
        n = len(self.reports)
        self.reports.append({
            "id": report_id, "patient_id": patient["id"], "kind": kind, "title": title, "department_id": dept_id,
            "doctor_id": (doctor or self.doctor(dept_id))["id"], "specimen": specimen, "collected": collected,
            "ready": ready, "status": status, "times_printed": printed, "findings": findings,
            "conclusion": conclusion, "reporting_doctor": reporter, "reviewing_doctor": reviewer,
            "barcode": f"31{(1000003 + n * 7919) % 10**10:010d}",
        })


def lab_value(analyte, sex, fixed):
    code, _name, _unit, spec, decimals, directions = analyte
    if isinstance(spec, tuple) and spec[0] == "qual":
        normal, abnormal_values = spec[1], spec[2]
        if fixed is None:
            fixed = rng.choice(abnormal_values) if abnormal_values and rng.random() < 0.12 else normal
        return fixed, normal, "N" if fixed == normal else "H"
    low, high = spec[sex] if isinstance(spec, dict) else spec
    if fixed is None:
        roll = rng.random()
        if roll < 0.08 and "H" in directions:
            value = (high if high is not None else low * 1.5) * rng.uniform(1.08, 1.6)
        elif roll < 0.14 and "L" in directions:
            value = (low if low else (high or 1) * 0.5) * rng.uniform(0.62, 0.93)
        else:
            lo = low if low is not None else high * 0.45
            hi = high if high is not None else low * 1.6
            span = hi - lo
            value = rng.uniform(lo + 0.1 * span, hi - 0.1 * span)
        fixed = f"{value:.{decimals}f}"
    number = float(fixed)
    if low is None:
        reference = f"<{high:.{decimals}f}"
    elif high is None:
        reference = f">{low:.{decimals}f}"
    else:
        reference = f"{low:.{decimals}f}-{high:.{decimals}f}"
    flag = "H" if high is not None and number > high else "L" if low is not None and number < low else "N"
    return fixed, reference, flag


def day_time(offset, hour, minute):
    return f"{offset} {hour:02d}:{minute:02d}"


# The fixed records of the sample people the demo hotkeys bring up -------------------------------------------------

def sample_records(rec, samples):
    zhang, wang, li = samples["zhang-xiaosan"], samples["wang-miao"], samples["li-xin"]
    cardio = rec.doctor("D01", 0)
    rec.add_appointment(zhang, cardio, 0, 10, "booked", day_time(-2, 20, 14), queue=12)
    rec.add_order(zhang, "prescription", "D01", [("苯磺酸氨氯地平片", 2), ("阿托伐他汀钙片", 1),
                                                 ("阿司匹林肠溶片", 1)], "now-50m", cardio)
    rec.add_order(zhang, "exam", "D01", [("心脏彩超", 1), ("常规心电图", 1)], "now-45m", cardio)
    rec.add_order(zhang, "lab", "D03", [("幽门螺杆菌呼气试验", 1)], "-1 15:20")
    rec.add_lab_report(zhang, "血脂", "D01", "-3 08:12", "-3 14:30", "ready", doctor=cardio,
                       fixed={"TC": "6.12", "TG": "2.35", "HDL-C": "1.12", "LDL-C": "4.05"})
    rec.add_lab_report(zhang, "肝功能", "D01", "-3 08:12", "-3 15:05", "ready", doctor=cardio,
                       fixed={"ALT": "62", "AST": "38", "GGT": "45", "ALP": "88", "TBIL": "14.2", "DBIL": "4.1",
                              "TP": "71.5", "ALB": "44.8"})
    rec.add_lab_report(zhang, "血常规", "D01", "-12 09:02", "-12 10:30", "printed", printed=1, doctor=cardio)
    rec.add_imaging_report(zhang, "胸部X线正位片", "D01", "-2 10:40", "-2 16:10", "ready", variant=-1, doctor=cardio)
    rec.add_lab_report(zhang, "甲状腺功能", "D01", "now-40m", "now+60m", "pending", doctor=cardio)
    rec.add_imaging_report(zhang, "腹部B超", "D03", "now-30m", "now+20h", "pending")
    rec.add_lab_report(zhang, "血常规", "D02", "-45 09:30", "-45 11:00", "printed", printed=2)

    rec.add_appointment(wang, rec.doctor("D05", 0), 0, 14, "booked", day_time(-5, 9, 3), queue=5)
    rec.add_order(wang, "prescription", "D05", [("甲钴胺片", 2), ("养血清脑颗粒", 1)], "now-2h")
    rec.add_order(wang, "lab", "D05", [("同型半胱氨酸", 1), ("血常规", 1)], "now-2h")
    rec.add_lab_report(wang, "血糖", "D04", "-6 07:50", "-6 10:20", "ready", fixed={"GLU": "7.48"})
    rec.add_lab_report(wang, "电解质", "D05", "-6 07:50", "-6 11:10", "ready")
    rec.add_imaging_report(wang, "头颅CT平扫", "D05", "-6 09:30", "-6 15:00", "ready", variant=0)
    rec.add_appointment(li, rec.doctor("D17", 1), 1, 9, "booked", day_time(-1, 21, 40), queue=3)
    rec.add_order(li, "prescription", "D17", [("糠酸莫米松鼻喷雾剂", 1), ("氯雷他定片", 1)], "-1 10:15")
    rec.add_lab_report(li, "血常规", "D17", "-1 09:20", "-1 10:05", "ready")
    for key in ("zhao-ben", "liu-biao", "ouyang-xiaoming", "chen-hk", "smith-john", "tanaka-2023", "gong-yan"):
        rec.random_order(samples[key], f"now-{rng.randint(20, 240)}m")
    rec.add_lab_report(samples["liu-biao"], "肾功能", "D06", "-4 08:05", "-4 13:40", "ready",
                       fixed={"UREA": "9.12", "CREA": "138", "UA": "486", "CYSC": "1.82"})
    rec.add_imaging_report(samples["chen-hk"], "胸部X线正位片", "D02", "-1 11:00", "-1 15:30", "ready", variant=0)


def random_records(rec, patients):
    for patient in patients:
        for _ in range(rng.choice([0, 0, 0, 1, 1, 1, 2, 3]) if rng.random() < 0.9 else 0):
            when = f"now-{rng.randint(15, 300)}m" if rng.random() < 0.75 else day_time(-rng.randint(1, 3),
                                                                                         rng.randint(8, 16), 10)
            rec.random_order(patient, when)
        if rng.random() < 0.6:
            for _ in range(rng.randint(1, 4)):
                random_report(rec, patient)
        if rng.random() < 0.08:
            random_report(rec, patient, pending=True)
        roll = rng.random()
        depts = [d for d in ORDER_POOLS if d != "D21" and suits(patient, d)]
        if roll < 0.12:
            hour = rng.choice([8, 9, 10, 11, 14, 15, 16])
            rec.add_appointment(patient, rec.doctor(rng.choice(depts)), 0, hour, "booked",
                                day_time(-rng.randint(1, 6), rng.randint(7, 22), rng.randint(0, 59)))
        elif roll < 0.30:
            day = -rng.randint(1, 25)
            rec.add_appointment(patient, rec.doctor(rng.choice(depts)), day, rng.choice([8, 9, 10, 14, 15]),
                                rng.choice(["checked-in"] * 5 + ["cancelled"]), day_time(day - 2, 19, 30))
        elif roll < 0.36:
            rec.add_appointment(patient, rec.doctor(rng.choice(depts)), rng.randint(1, 6), rng.choice([9, 10, 15]),
                                "booked", day_time(-1, 12, rng.randint(0, 59)))


def random_report(rec, patient, pending=False):
    if rng.random() < 0.7:
        title = rng.choice(list(LAB))
        kind = "lab"
    else:
        title = rng.choice(list(IMAGING))
        kind = "imaging"
    depts = [d for d in REPORT_DEPARTMENTS[title] if suits(patient, d)] or ["D15"]
    dept_id = rng.choice(depts)
    if pending:
        collected = f"now-{rng.randint(20, 180)}m"
        ready = f"now+{rng.randint(30, 480)}m" if kind == "lab" else f"now+{rng.randint(18, 30)}h"
        status, printed = "pending", 0
    else:
        day = -rng.randint(1, 40)
        hour = rng.randint(7, 11)
        collected = day_time(day, hour, rng.randint(0, 59))
        ready = day_time(day, hour + rng.randint(2, 5), rng.randint(0, 59)) if kind == "lab" else \
            day_time(day + 1, rng.randint(9, 16), rng.randint(0, 59))
        status = "printed" if rng.random() < 0.25 else "ready"
        printed = 1 if status == "printed" else 0
    if kind == "lab":
        rec.add_lab_report(patient, title, dept_id, collected, ready, status, printed)
    else:
        rec.add_imaging_report(patient, title, dept_id, collected, ready, status, printed)


def main():
    departments = read_tsv(os.path.join(HERE, "departments.tsv"))
    prices = read_tsv(os.path.join(HERE, "prices.tsv"))
    cards = []
    with open(os.path.join(HERE, "..", "id_cards.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            c = line.rstrip("\n").split("\t")
            cards.append({"key": c[0], "name": c[2], "english": c[3], "sex": c[4], "birth": c[6], "id_number": c[8]})

    used_names = {c["name"] for c in cards}
    doctors = make_doctors(departments, used_names)
    patients = make_patients(cards, used_names, 215)
    rec = Records(departments, doctors, prices)
    sample_records(rec, {p["key"]: p for p in patients if p["key"]})
    random_records(rec, patients[len(cards):])

    write_tsv("doctors.tsv", ["id", "department_id", "name", "title", "speciality", "fee_fen", "capacity", "room",
                              "schedule"], doctors)
    write_tsv("patients.tsv", ["id", "name", "id_number", "visit_card", "sex", "birth_date", "phone"], patients)
    write_tsv("appointments.tsv", ["id", "patient_id", "doctor_id", "day_offset", "start", "queue_number", "status",
                                   "booked"], rec.appointments)
    write_tsv("orders.tsv", ["id", "patient_id", "kind", "department_id", "doctor_id", "ordered"], rec.orders)
    write_tsv("order_items.tsv", ["order_id", "line", "code", "quantity"], rec.items)
    write_tsv("reports.tsv", ["id", "patient_id", "kind", "title", "department_id", "doctor_id", "specimen",
                              "collected", "ready", "status", "times_printed", "findings", "conclusion",
                              "reporting_doctor", "reviewing_doctor", "barcode"], rec.reports)
    write_tsv("lab_results.tsv", ["report_id", "line", "code", "name", "value", "unit", "reference_range", "flag"],
              rec.results)
    print(f"{len(departments)} departments, {len(doctors)} doctors, {len(patients)} patients, "
          f"{len(rec.appointments)} appointments, {len(rec.orders)} orders ({len(rec.items)} items), "
          f"{len(rec.reports)} reports ({len(rec.results)} lab results), {len(prices)} prices")


if __name__ == "__main__":
    main()
