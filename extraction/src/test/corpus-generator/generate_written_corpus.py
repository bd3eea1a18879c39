#!/usr/bin/env python3
"""Writes the labelled corpus of pages we wrote ourselves (extraction/src/test/resources/corpus).

Each page is varied markup for one situation the extractors must handle (tables, cards, grouped and
definition lists, per-person tables, profiles, JSON-LD, microdata, publication lists, pagination,
mixed rosters, obfuscated and image emails, Korean pages, department home pages). Labels say what a
reader sees, in the shared corpus format, marked "written": true and sourced "written/NAME".
Deterministic: run it again and the same files come out.  Usage: python3 generate_written_corpus.py [OUT_DIR]
"""
import html
import json
import os
import random
import sys

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "resources", "corpus")
R = random.Random(7)

FIRST = ["Alice", "Brian", "Carmen", "David", "Elena", "Farid", "Grace", "Hiroshi", "Ingrid", "Jonas", "Kavya", "Liam",
         "Maria", "Nikolai", "Olivia", "Pedro", "Qing", "Rachel", "Samuel", "Tanvi", "Ulrich", "Valeria", "Wei", "Ximena",
         "Yusuf", "Zoe", "Aaron", "Beatriz", "Chen", "Dmitri", "Esther", "Felix", "Gabriela", "Henrik", "Isabel", "Jamal"]
LAST = ["Anderson", "Bianchi", "Castillo", "Dubois", "Eriksen", "Fischer", "Garcia", "Hoffmann", "Ivanova", "Jensen",
        "Kowalski", "Larsen", "Moreau", "Nakamura", "O'Brien", "Petrov", "Quinn", "Rossi", "Schneider", "Tanaka",
        "Ueda", "Vargas", "Weber", "Xu", "Yilmaz", "Zimmermann", "Okafor", "Lindqvist", "Haddad", "Novak", "Sato",
        "Fernandes", "McAllister", "Kaur", "Oyelaran", "Brennan"]
KO_SUR = ["김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권", "황", "안", "송"]
KO_GIVEN = ["민준", "서연", "도윤", "하은", "지호", "수빈", "예준", "지민", "현우", "유진", "성민", "다은", "준혁", "서영", "태희", "상철"]
KO_ROM = {"김": "kim", "이": "lee", "박": "park", "최": "choi", "정": "jung", "강": "kang", "조": "cho", "윤": "yoon",
          "장": "jang", "임": "lim", "한": "han", "오": "oh", "서": "seo", "신": "shin", "권": "kwon", "황": "hwang",
          "안": "ahn", "송": "song"}

EN_FACULTY = [("Professor", "professor"), ("Associate Professor", "associate_professor"),
              ("Assistant Professor", "assistant_professor"), ("Distinguished Professor", "professor"),
              ("Senior Lecturer", "lecturer"), ("Lecturer", "lecturer"), ("Professor Emeritus", "emeritus"),
              ("Adjunct Professor", "adjunct"), ("Research Associate Professor", "research"),
              ("Visiting Assistant Professor", "visiting"), ("Teaching Professor", "teaching"),
              ("Instructor", "instructor"), ("Associate Professor and Chair", "associate_professor"),
              ("Professor of Practice", "teaching"), ("Emerita Professor", "emeritus")]
EN_OTHER = [("Postdoctoral Researcher", "postdoc"), ("PhD Student", "student"), ("Graduate Student", "student"),
            ("Administrative Assistant", "staff"), ("Department Manager", "staff"), ("Systems Administrator", "staff"),
            ("Postdoctoral Fellow", "postdoc"), ("Program Coordinator", "staff")]
KO_FACULTY = [("교수", "professor"), ("부교수", "associate_professor"), ("조교수", "assistant_professor"),
              ("명예교수", "emeritus"), ("연구교수", "research"), ("겸임교수", "adjunct"), ("초빙교수", "visiting")]
KO_OTHER = [("행정실 직원", "staff"), ("박사과정", "student"), ("박사후연구원", "postdoc"), ("석사과정", "student")]

UNIS = [("Northfield University", "Department of Computer Science", "cs.northfield.edu"),
        ("Lakeshore Institute of Technology", "School of Physics and Astronomy", "physics.lakeshore.edu"),
        ("University of Westbrook", "Department of Mathematics", "math.westbrook.ac.uk"),
        ("Riverside State University", "Department of Electrical Engineering", "ee.riverside.edu"),
        ("Highland University", "Department of Chemistry", "chem.highland.edu"),
        ("Eastport College", "Department of Economics", "econ.eastport.edu")]
KO_UNIS = [("한빛대학교", "컴퓨터공학과", "cse.hanbit.ac.kr"), ("새솔대학교", "전자공학과", "ee.saesol.ac.kr"),
           ("누리대학교", "수학과", "math.nuri.ac.kr")]

WORDS_A = ["Scalable", "Robust", "Efficient", "Learning", "Verified", "Adaptive", "Private", "Interpretable", "Fast",
           "Distributed", "Quantum", "Sparse", "Incremental", "Probabilistic", "Secure", "Energy-Aware"]
WORDS_B = ["Graph Neural Networks", "Consensus Protocols", "Query Optimization", "Program Synthesis", "Image Segmentation",
           "Spin Chains", "Topological Insulators", "Stochastic Control", "Compiler Backends", "Sensor Networks",
           "Federated Training", "Type Inference", "Catalytic Surfaces", "Market Design", "Error Correction"]
WORDS_C = ["at Scale", "for Edge Devices", "with Provable Guarantees", "in Practice", "under Uncertainty",
           "via Contrastive Pretraining", "Revisited", "from Noisy Data", "on Modern Hardware", "without Labels"]
VENUES = ["Proceedings of the ACM SIGMOD International Conference on Management of Data", "Physical Review Letters",
          "IEEE Transactions on Information Theory", "Advances in Neural Information Processing Systems",
          "Journal of the American Chemical Society", "ACM Transactions on Programming Languages and Systems",
          "Proceedings of the USENIX Symposium on Operating Systems Design and Implementation", "Econometrica",
          "Annals of Mathematics", "IEEE Conference on Computer Vision and Pattern Recognition"]
KO_VENUES = ["한국정보과학회논문지", "전자공학회논문지", "대한수학회지"]

used_names = set()


def person_name():
    while True:
        n = f"{R.choice(FIRST)} {R.choice(LAST)}"
        if n not in used_names:
            used_names.add(n)
            return n


def ko_name():
    while True:
        s = R.choice(KO_SUR)
        n = s + R.choice(KO_GIVEN)
        if n not in used_names:
            used_names.add(n)
            return n, s


def email_for(name, domain):
    first, last = name.split(" ")[0], name.split(" ")[-1]
    local = R.choice([f"{first[0]}{last}", f"{first}.{last}", f"{last}", f"{first[0]}.{last}"])
    return local.lower().replace("'", "") + "@" + domain


def ko_email(name, sur, domain):
    return KO_ROM[sur] + str(R.randint(1, 99)) + "@" + domain


def esc(s):
    return html.escape(s, quote=True)


def slug(name):
    return name.lower().replace("'", "").replace(" ", "-")


def show_email(email, form):
    """HTML for an email in one of the forms a reader meets, and the label's email_form."""
    local, domain = email.split("@")
    if form == "mailto":
        return f'<a href="mailto:{email}">{esc(email)}</a>', "mailto", email
    if form == "mailto_icon":
        return f'<a href="mailto:{email}" title="Send email"><i class="icon-envelope"></i></a>', "mailto", email
    if form == "text":
        return esc(email), "text", email
    if form == "entities":
        return "".join(f"&#{ord(c)};" for c in email), "text", email
    if form == "brackets":
        return f"{esc(local)} [at] {esc(domain).replace('.', ' [dot] ')}", "obfuscated_text", email
    if form == "parens":
        return f"{esc(local)}(at){esc(domain)}", "obfuscated_text", email
    if form == "spoken":
        return f"{esc(local)} at {esc(domain).replace('.', ' dot ')}", "obfuscated_text", email
    if form == "shout":
        return f"{esc(local)} AT {esc(domain).replace('.', ' DOT ')}", "obfuscated_text", email
    if form == "reversed":
        return f'<span style="unicode-bidi:bidi-override; direction:rtl">{esc(email[::-1])}</span>', "obfuscated_text", email
    if form == "img_at":
        return f'{esc(local)}<img src="/img/at.png" alt="@">{esc(domain)}', "obfuscated_text", email
    if form == "image":
        return f'<img src="/emails/{esc(local)}.png" alt="email address">', "image", None
    return "", "none", None


def person(name, title, rank, email, form, url):
    return {"name": name, "title": title, "rank": rank,
            "is_faculty": rank not in ("postdoc", "student", "staff", "other"),
            "email": email, "email_form": form, "profile_url": url}


def page_shell(title, body, lang="en", head_extra=""):
    nav = ('<nav class="main-menu"><ul><li><a href="/">Home</a></li><li><a href="/about/">About</a></li>'
           '<li><a href="/research/">Research</a></li><li><a href="/contact/">Contact</a></li></ul></nav>')
    foot = '<footer><p>&copy; 2025 Webmaster: <a href="mailto:webmaster@example.edu">webmaster@example.edu</a></p></footer>'
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>{esc(title)}</title>{head_extra}</head>\n'
            f'<body>\n<header class="site-header">{nav}</header>\n<main>\n{body}\n</main>\n{foot}\n</body></html>\n')


def pick_people(n, forms, other_share=0.0, titles=EN_FACULTY, others=EN_OTHER, domain="example.edu", base="/people/"):
    out = []
    for _ in range(n):
        name = person_name()
        if R.random() < other_share:
            title, rank = R.choice(others)
        else:
            title, rank = R.choice(titles)
        form = R.choice(forms)
        email = email_for(name, domain)
        url = base + slug(name) + R.choice(["", ".html", "/"]) if R.random() < 0.8 else None
        out.append((name, title, rank, email, form, url))
    return out


pages = []


def add(name, kind, uni, dept, html_text, people=(), papers=(), links=(), notes=""):
    pages.append((name, {"source": "written/" + name, "written": True, "kind": kind, "university": uni,
                         "department": dept, "people": list(people), "papers": list(papers),
                         "faculty_links": list(links), "notes": notes}, html_text))


def render_people(rows, cell):
    labels, parts = [], []
    for (name, title, rank, email, form, url) in rows:
        shown, label_form, label_email = show_email(email, form)
        parts.append(cell(name, title, shown, url))
        labels.append(person(name, title, rank, label_email, label_form, url))
    return parts, labels


# --- directories -----------------------------------------------------------------------------------
def table_directory(i):
    uni, dept, dom = R.choice(UNIS)
    rows = pick_people(R.randint(6, 12), ["mailto", "text", "entities"], 0.2, domain=dom)
    cls = R.choice(["directory", "people-table", "views-table", "staff-list"])
    def cell(n, t, e, u):
        nm = f'<a href="{u}">{esc(n)}</a>' if u else esc(n)
        return f"<tr><td>{nm}</td><td>{esc(t)}</td><td>{e}</td><td>+1 555 {R.randint(1000,9999)}</td></tr>"
    parts, labels = render_people(rows, cell)
    body = (f"<h1>{esc(dept)}: People</h1>\n<table class=\"{cls}\"><thead><tr><th>Name</th><th>Position</th>"
            f"<th>Email</th><th>Phone</th></tr></thead><tbody>\n" + "\n".join(parts) + "\n</tbody></table>")
    add(f"table-directory-{i}.html", "directory", uni, dept, page_shell(f"People | {dept}", body), labels)


def card_grid(i):
    uni, dept, dom = R.choice(UNIS)
    rows = pick_people(R.randint(6, 14), ["mailto", "mailto_icon", "text", "brackets", "parens"], 0.15, domain=dom)
    wrap, card, nm, tt = R.choice([("grid", "card", "h3", "p"), ("row", "col-md-4 person", "h4", "div"),
                                   ("faculty-grid", "profile-card", "h2", "span"), ("cards", "tile", "strong", "em")])
    def cell(n, t, e, u):
        name_html = f'<a href="{u}">{esc(n)}</a>' if u else esc(n)
        return (f'<div class="{card}"><img src="/photos/{slug(n)}.jpg" alt="">'
                f'<{nm} class="name">{name_html}</{nm}><{tt} class="position">{esc(t)}</{tt}>'
                f'<div class="contact">{e}</div></div>')
    parts, labels = render_people(rows, cell)
    body = f"<h1>Faculty</h1>\n<div class=\"{wrap}\">\n" + "\n".join(parts) + "\n</div>"
    add(f"card-grid-{i}.html", "directory", uni, dept, page_shell(f"Faculty - {uni}", body), labels)


def grouped_list(i):
    uni, dept, dom = R.choice(UNIS)
    groups = [("Professors", [("Professor", "professor")]), ("Associate Professors", [("Associate Professor", "associate_professor")]),
              ("Lecturers", [("Senior Lecturer", "lecturer"), ("Lecturer", "lecturer")]),
              ("Postdoctoral Researchers", [("Postdoctoral Researcher", "postdoc")]),
              ("Administrative Staff", [("Administrative Assistant", "staff"), ("Graduate Program Coordinator", "staff")])]
    body, labels = [f"<h1>{esc(dept)}</h1>"], []
    for heading, titles in groups:
        rows = pick_people(R.randint(2, 4), ["mailto", "text", "spoken", "shout"], 0, titles=titles, domain=dom)
        def cell(n, t, e, u):
            nm = f'<a href="{u}">{esc(n)}</a>' if u else f"<b>{esc(n)}</b>"
            return f"<li>{nm}, {esc(t)}<br>Email: {e}</li>"
        parts, lab = render_people(rows, cell)
        body.append(f"<h2>{heading}</h2>\n<ul class=\"people\">\n" + "\n".join(parts) + "\n</ul>")
        labels += lab
    add(f"grouped-list-{i}.html", "directory", uni, dept, page_shell(f"{dept} directory", "\n".join(body)), labels,
        notes="title is the text after the name in each item; staff and postdocs are listed but are not faculty")


def definition_list(i):
    uni, dept, dom = R.choice(UNIS)
    rows = pick_people(R.randint(5, 9), ["mailto", "text", "brackets"], 0.2, domain=dom)
    def cell(n, t, e, u):
        nm = f'<a href="{u}">{esc(n)}</a>' if u else esc(n)
        return f"<dt>{nm}</dt><dd>{esc(t)}</dd><dd>{e}</dd>"
    parts, labels = render_people(rows, cell)
    body = "<h1>Our Faculty and Staff</h1>\n<dl class=\"members\">\n" + "\n".join(parts) + "\n</dl>"
    add(f"definition-list-{i}.html", "directory", uni, dept, page_shell("Faculty and Staff", body), labels)


def nested_tables(i):
    uni, dept, dom = R.choice(UNIS)
    rows = pick_people(R.randint(4, 8), ["mailto", "text", "img_at", "image", "reversed"], 0.1, domain=dom)
    def cell(n, t, e, u):
        link = f'<tr><td>Homepage:</td><td><a href="{u}">{esc(u)}</a></td></tr>' if u else ""
        return (f'<table class="person" border="0"><tr><td rowspan="4"><img src="/p/{slug(n)}.jpg"></td>'
                f'<td colspan="2"><b>{esc(n)}</b></td></tr><tr><td>Position:</td><td>{esc(t)}</td></tr>'
                f'<tr><td>E-mail:</td><td>{e}</td></tr>{link}</table><hr>')
    parts, labels = render_people(rows, cell)
    body = "<h1>Faculty Members</h1>\n" + "\n".join(parts)
    add(f"nested-tables-{i}.html", "directory", uni, dept, page_shell("Faculty Members", body), labels,
        notes="one small table per person; profile link is the Homepage row")


def mixed_roster(i):
    uni, dept, dom = R.choice(UNIS)
    rows = pick_people(R.randint(8, 14), ["mailto", "text"], 0.45, domain=dom)
    def cell(n, t, e, u):
        nm = f'<a href="{u}">{esc(n)}</a>' if u else esc(n)
        return f'<div class="member"><p class="member-name">{nm}</p><p class="member-role">{esc(t)}</p><p>{e}</p></div>'
    parts, labels = render_people(rows, cell)
    body = "<h1>Lab Members</h1>\n<section class=\"team\">\n" + "\n".join(parts) + "\n</section>"
    add(f"mixed-roster-{i}.html", "directory", uni, dept, page_shell("Team", body), labels,
        notes="faculty, postdocs, students and staff side by side; only faculty count as professors")


def paginated(i):
    uni, dept, dom = R.choice(UNIS)
    rows = pick_people(R.randint(5, 8), ["mailto"], 0.0, domain=dom)
    def cell(n, t, e, u):
        nm = f'<a href="{u}">{esc(n)}</a>' if u else esc(n)
        return f'<article class="teaser"><h3>{nm}</h3><div class="field-title">{esc(t)}</div><div>{e}</div></article>'
    parts, labels = render_people(rows, cell)
    page = R.randint(1, 3)
    pager = (f'<ul class="pager"><li><a href="?page={page - 1}">Previous</a></li><li><a href="?page={page}">{page + 1}</a></li>'
             f'<li><a href="?page={page + 1}">Next</a></li></ul>')
    body = f"<h1>Faculty Directory (page {page + 1})</h1>\n" + "\n".join(parts) + "\n" + pager
    add(f"paginated-{i}.html", "directory", uni, dept, page_shell("Faculty Directory", body), labels)


def korean_directory(i):
    uni, dept, dom = R.choice(KO_UNIS)
    labels, parts = [], []
    style = R.choice(["table", "cards", "list"])
    for _ in range(R.randint(5, 10)):
        name, sur = ko_name()
        title, rank = R.choice(KO_OTHER) if R.random() < 0.15 else R.choice(KO_FACULTY)
        email = ko_email(name, sur, dom)
        form = R.choice(["mailto", "text", "brackets"])
        shown, label_form, label_email = show_email(email, form)
        url = f"/professor/view.do?id={R.randint(100, 999)}" if R.random() < 0.7 else None
        nm = f'<a href="{url}">{name}</a>' if url else name
        if style == "table":
            parts.append(f"<tr><td>{nm}</td><td>{title}</td><td>{shown}</td><td>02-{R.randint(100,999)}-{R.randint(1000,9999)}</td></tr>")
        elif style == "cards":
            parts.append(f'<div class="prof-box"><div class="prof-name"><strong>{nm}</strong> {title}</div>'
                         f'<ul><li>연구분야 : 인공지능</li><li>이메일 : {shown}</li></ul></div>')
        else:
            parts.append(f"<li><span class=\"nm\">{nm}</span><span class=\"pos\">{title}</span><span>E-mail: {shown}</span></li>")
        labels.append(person(name, title, rank, label_email, label_form, url))
    if style == "table":
        body = "<h2>교수진</h2><table class=\"tbl\"><tr><th>성명</th><th>직위</th><th>이메일</th><th>전화</th></tr>" + "".join(parts) + "</table>"
    elif style == "cards":
        body = "<h2>교수 소개</h2><div class=\"prof-list\">" + "".join(parts) + "</div>"
    else:
        body = "<h2>구성원</h2><ul class=\"member-list\">" + "".join(parts) + "</ul>"
    add(f"korean-directory-{i}.html", "directory", uni, dept, page_shell(f"{dept} 교수진", body, lang="ko"), labels,
        notes="Hangul names as shown; 직원/과정/연구원 are not faculty")


# --- single people --------------------------------------------------------------------------------
def profile(i):
    uni, dept, dom = R.choice(UNIS)
    name = person_name()
    title, rank = R.choice(EN_FACULTY)
    form = R.choice(["mailto", "text", "brackets", "spoken", "entities"])
    shown, label_form, label_email = show_email(email_for(name, dom), form)
    body = (f'<div class="profile-header"><h1>{esc(name)}</h1><p class="title">{esc(title)}</p><p>{esc(dept)}</p>'
            f'<p>Office: Science Hall {R.randint(100, 450)}</p><p>Email: {shown}</p></div>\n'
            f'<h2>Research Interests</h2><p>My group works on {R.choice(WORDS_B).lower()} and related problems. '
            f'Before joining {esc(uni)} I was a postdoctoral researcher elsewhere.</p>')
    add(f"profile-{i}.html", "profile", uni, dept, page_shell(f"{name} | {uni}", body),
        [person(name, title, rank, label_email, label_form, None)],
        notes="the page is the profile itself: profile_url null")


def json_ld(i):
    uni, dept, dom = R.choice(UNIS)
    rows = pick_people(R.randint(3, 6), ["text"], 0.0, domain=dom)
    items, labels, cards = [], [], []
    for (n, t, r, e, _f, u) in rows:
        items.append({"@type": "Person", "name": n, "jobTitle": t, "email": "mailto:" + e, "url": u,
                      "worksFor": {"@type": "Organization", "name": dept}})
        cards.append(f"<li>{esc(n)} &mdash; {esc(t)}</li>")
        labels.append(person(n, t, r, e, "mailto", u))
    ld = json.dumps({"@context": "https://schema.org", "@graph": items}, ensure_ascii=False, indent=1)
    body = "<h1>People</h1><ul class=\"plain\">" + "".join(cards) + "</ul>"
    add(f"json-ld-{i}.html", "directory", uni, dept,
        page_shell("People", body, head_extra=f'<script type="application/ld+json">{ld}</script>'), labels,
        notes="emails only in the JSON-LD (mailto: URIs); counted as mailto")


def microdata(i):
    uni, dept, dom = R.choice(UNIS)
    rows = pick_people(R.randint(3, 6), ["mailto", "text"], 0.0, domain=dom)
    def cell(n, t, e, u):
        nm = f'<a itemprop="url" href="{u}"><span itemprop="name">{esc(n)}</span></a>' if u else f'<span itemprop="name">{esc(n)}</span>'
        return (f'<div itemscope itemtype="https://schema.org/Person" class="vcard">{nm}'
                f'<span itemprop="jobTitle">{esc(t)}</span><span itemprop="email">{e}</span></div>')
    parts, labels = render_people(rows, cell)
    body = "<h1>Faculty</h1>\n" + "\n".join(parts)
    add(f"microdata-{i}.html", "directory", uni, dept, page_shell("Faculty", body), labels)


# --- publications ---------------------------------------------------------------------------------
def make_paper(owner, year=None, korean=False):
    title = f"{R.choice(WORDS_A)} {R.choice(WORDS_B)} {R.choice(WORDS_C)}"
    co = [person_name() for _ in range(R.randint(1, 4))]
    authors = co[:]
    authors.insert(R.randint(0, len(co)), owner)
    year = year or R.randint(2012, 2025)
    venue = R.choice(KO_VENUES if korean else VENUES)
    doi = f"10.{R.choice([1145, 1109, 1007, 1103, 48550])}/{R.choice(['j', 'conf', 'a'])}.{year}.{R.randint(1000, 99999)}" if R.random() < 0.7 else None
    return {"title": title, "authors": authors, "year": year, "venue": venue, "doi": doi}


def pub_owner_header(owner, title, dept):
    return f"<h1>{esc(owner)}</h1><p>{esc(title)}, {esc(dept)}</p>\n"


def publications(i, style):
    uni, dept, dom = R.choice(UNIS)
    owner = person_name()
    title, rank = R.choice(EN_FACULTY[:4])
    papers = sorted((make_paper(owner) for _ in range(R.randint(5, 10))), key=lambda p: -p["year"])
    items = []
    for p in papers:
        a = ", ".join(p["authors"][:-1]) + " and " + p["authors"][-1] if len(p["authors"]) > 1 else p["authors"][0]
        doi_link = f' <a href="https://doi.org/{p["doi"]}">[DOI]</a>' if p["doi"] else ""
        doi_text = f' doi:{p["doi"]}' if p["doi"] else ""
        if style == "numbered":
            items.append(f'<li>{esc(a)}. &ldquo;{esc(p["title"])}.&rdquo; <i>{esc(p["venue"])}</i>, {p["year"]}.{doi_link}</li>')
        elif style == "apa":
            items.append(f'<p class="citation">{esc(", ".join(p["authors"]))} ({p["year"]}). {esc(p["title"])}. <em>{esc(p["venue"])}</em>.{doi_text}</p>')
        elif style == "bibtex2html":
            items.append(f'<tr valign="top"><td align="right" class="bibtexnumber">[<a name="p{len(items)}">{len(items) + 1}</a>]</td>'
                         f'<td class="bibtexitem">{esc(a)}.\n {esc(p["title"])}.\n <em>{esc(p["venue"])}</em>, {p["year"]}.<br />'
                         f'[&nbsp;<a href="paper{len(items)}.pdf">PDF</a>&nbsp;]{doi_link}</td></tr>')
        elif style == "dblp":
            au = ", ".join(f'<span itemprop="author"><a href="/pid/{R.randint(10,99)}/{R.randint(1000,9999)}.html">{esc(x)}</a></span>' for x in p["authors"])
            items.append(f'<li class="entry inproceedings"><div class="data" itemprop="headline">{au}:<br>'
                         f'<span class="title" itemprop="name">{esc(p["title"])}.</span> <span itemprop="isPartOf">{esc(p["venue"])}</span> '
                         f'<span itemprop="datePublished">{p["year"]}</span>{doi_link}</div></li>')
        elif style == "table":
            items.append(f'<tr><td>{p["year"]}</td><td><b>{esc(p["title"])}</b><br>{esc(", ".join(p["authors"]))}<br><i>{esc(p["venue"])}</i>{doi_link}</td></tr>')
        elif style == "byyear":
            items.append(p)
    if style == "numbered":
        body = "<h2>Selected Publications</h2>\n<ol>\n" + "\n".join(items) + "\n</ol>"
    elif style == "apa":
        body = "<h2>Publications</h2>\n<div class=\"pubs\">\n" + "\n".join(items) + "\n</div>"
    elif style == "bibtex2html":
        body = "<h2>Papers</h2>\n<table>\n" + "\n".join(items) + "\n</table>"
    elif style == "dblp":
        body = "<h2>Publications (from dblp)</h2>\n<ul class=\"publ-list\">\n" + "\n".join(items) + "\n</ul>"
    elif style == "table":
        body = "<h2>Journal and Conference Papers</h2>\n<table class=\"pub-table\">\n" + "\n".join(items) + "\n</table>"
    else:
        body, year = "<h2>Publications</h2>\n", None
        for p in papers:
            if p["year"] != year:
                body += ("</ul>\n" if year else "") + f"<h3>{p['year']}</h3>\n<ul>\n"
                year = p["year"]
            a = ", ".join(p["authors"])
            body += f'<li><a href="/papers/{R.randint(1,999)}.pdf">{esc(p["title"])}</a>. {esc(a)}. {esc(p["venue"])}.' + (f' https://doi.org/{p["doi"]}' if p["doi"] else "") + "</li>\n"
        body += "</ul>"
    header = pub_owner_header(owner, title, dept)
    add(f"publications-{style}-{i}.html", "publications", uni, dept, page_shell(f"{owner}: Publications", header + body),
        [person(owner, title, rank, None, "none", None)], papers,
        notes="publication list of the page owner; the heading names the owner")


# --- navigation -----------------------------------------------------------------------------------
def navigation(i):
    korean = i % 3 == 2
    if korean:
        uni, dept, dom = R.choice(KO_UNIS)
        fac_text, others = R.choice(["교수진", "교수 소개", "전임교수"]), [("대학원생", "/people/grad"), ("행정실", "/people/office"), ("공지사항", "/notice")]
    else:
        uni, dept, dom = R.choice(UNIS)
        fac_text = R.choice(["Faculty", "Our Faculty", "Faculty Directory", "Professors"])
        others = [("Graduate Students", "/people/students"), ("Staff", "/people/staff"), ("News", "/news"),
                  ("Alumni", "/people/alumni"), ("Admissions", "/admissions")]
    fac_href = R.choice(["/people/faculty", "/faculty-1", "/about/people/faculty.html", "/sub02_01.php"])
    menu = [f'<li class="menu-heading">{"구성원" if korean else "People"}<ul><li><a href="{fac_href}">{fac_text}</a></li>'
            + "".join(f'<li><a href="{h}">{t}</a></li>' for t, h in others[:3]) + "</ul></li>"]
    news_name = person_name()
    teaser = (f'<div class="news"><h3>News</h3><p><a href="/news/{slug(news_name)}-joins-faculty">Professor {esc(news_name)} '
              f'wins teaching award</a></p></div>')
    body = f"<h1>{esc(dept)}</h1><p>Welcome to the {esc(dept)} at {esc(uni)}.</p>{teaser}"
    html_text = page_shell(dept, body, lang="ko" if korean else "en").replace(
        '<li><a href="/about/">About</a></li>', '<li><a href="/about/">About</a></li>' + "".join(menu))
    add(f"navigation-{i}.html", "navigation", uni, dept, html_text, links=[f"https://{dom}{fac_href}"],
        notes="department home page: the one link to follow is the faculty directory")


def main():
    plan = [(table_directory, 5), (card_grid, 6), (grouped_list, 4), (definition_list, 3), (nested_tables, 4),
            (mixed_roster, 4), (paginated, 3), (korean_directory, 6), (profile, 6), (json_ld, 3), (microdata, 3),
            (navigation, 5)]
    for fn, n in plan:
        for i in range(1, n + 1):
            fn(i)
    for style in ["numbered", "apa", "bibtex2html", "dblp", "table", "byyear"]:
        for i in range(1, 3):
            publications(i, style)
    os.makedirs(OUT, exist_ok=True)
    for name, label, html_text in pages:
        if label["kind"] == "navigation":
            dom = label["faculty_links"][0].split("/")[2]
            html_text = html_text.replace("<head>", f'<head><base href="https://{dom}/">', 1)
        with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
            f.write(html_text)
        with open(os.path.join(OUT, name + ".expected.json"), "w", encoding="utf-8") as f:
            json.dump(label, f, ensure_ascii=False, indent=1)
            f.write("\n")
    print(f"wrote {len(pages)} pages to {OUT}")


if __name__ == "__main__":
    main()
