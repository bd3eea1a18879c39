package io.univinsight.extraction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import io.univinsight.identity.NameKeys;

/**
 * Faculty directories: repeated sibling blocks (cards, list items, table rows) that each hold one
 * person's name plus an academic title and/or email/profile link. Works on structure, not on
 * site-specific class names, so it handles card grids, {@code <ul>} lists and {@code <table>}s alike.
 */
public final class DirectoryExtractor implements Extractor {
    public static final String NAME = "directory";
    private static final int MAX_BLOCK_CHARS = 1200;
    private static final double NAME_LIST_SHARE = 0.8;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ExtractionResult extract(Document doc, PageContext ctx) {
        if (doc.body() == null) {
            return ExtractionResult.from(NAME, List.of(), List.of());
        }
        SectionHeadings headings = new SectionHeadings(doc);
        Map<Element, PersonBlocks.Reading> blocks = candidateBlocks(doc.body(), headings, PageIndex.of(doc));
        String pageDept = Departments.guess(doc, ctx);
        List<ExtractedProfessor> out = new ArrayList<>();
        for (Map.Entry<Element, PersonBlocks.Reading> e : blocks.entrySet()) {
            ExtractedProfessor r = toRecord(e.getKey(), e.getValue(), pageDept, headings);
            if (r != null) {
                out.add(r);
            }
        }
        return ExtractionResult.from(NAME, out, List.of());
    }

    /**
     * Every element that has at least one same-tag sibling and reads as a single person, keeping only
     * the outermost such block (a card, not the paragraph inside it that happens to hold name + email).
     */
    private static Map<Element, PersonBlocks.Reading> candidateBlocks(Element body, SectionHeadings headings, PageIndex page) {
        Map<Element, PersonBlocks.Reading> found = new IdentityHashMap<>();
        List<Element> order = new ArrayList<>();
        List<Element> all = page.elementsUnder(body);
        Map<Element, Boolean> nameLists = new IdentityHashMap<>();
        List<Element> children = new ArrayList<>(); // one list refilled per parent: parent.children() copies each time
        Map<String, Integer> tagCounts = new HashMap<>();
        for (Element parent : all) {
            if (!hasTwoChildElements(parent) || page.inChrome(parent)) {
                continue;
            }
            childElements(parent, children);
            tagCounts.clear();
            for (Element child : children) {
                tagCounts.merge(child.normalName(), 1, Integer::sum);
            }
            for (Element child : children) {
                if (tagCounts.get(child.normalName()) < 2) {
                    continue;
                }
                if (!page.textLengthWithin(child, 2, MAX_BLOCK_CHARS)) {
                    continue;
                }
                PersonBlocks.Reading r = PersonBlocks.readNamed(child); // null: no name, so neither test below holds
                if (r != null && (isSinglePerson(r) || (isNamedOnly(r) && (headings.rank(child) != null
                        || (headings.facultyOfNoRank(child) && mostlyNames(parent, child.normalName(), nameLists)))))) {
                    found.put(child, r);
                    order.add(child);
                }
            }
            if (parent.normalName().equals("dl")) {
                readTermGroups(parent, headings, found, order);
            }
        }
        dropBlocksHoldingSeveralPeople(found, order);
        Map<Element, PersonBlocks.Reading> outermost = new LinkedHashMap<>();
        ElementPositions positions = page.positions();
        order.sort((a, b) -> Integer.compare(positions.indexOf(a), positions.indexOf(b)));
        for (Element el : order) {
            boolean nested = false;
            for (Element p = el.parent(); p != null; p = p.parent()) {
                if (found.containsKey(p)) {
                    nested = true;
                    break;
                }
            }
            if (!nested) {
                outermost.put(el, found.get(el));
            }
        }
        return outermost;
    }

    /**
     * A definition list has no element per person: a {@code <dt>} and the {@code <dd>}s after it are one record.
     * Each group is read as one block (a detached copy), and stands at its {@code <dt>} for headings and evidence.
     */
    private static void readTermGroups(Element dl, SectionHeadings headings, Map<Element, PersonBlocks.Reading> found,
                                       List<Element> order) {
        Element term = null;
        Element group = null;
        for (Element child : dl.children()) {
            if (child.normalName().equals("dt")) {
                addTermGroup(term, group, headings, found, order);
                term = child;
                group = new Element("div");
            }
            if (group != null) {
                group.appendChild(child.clone());
            }
        }
        addTermGroup(term, group, headings, found, order);
    }

    private static void addTermGroup(Element term, Element group, SectionHeadings headings, Map<Element, PersonBlocks.Reading> found,
                                     List<Element> order) {
        if (term == null || group.text().length() > MAX_BLOCK_CHARS) {
            return;
        }
        PersonBlocks.Reading r = PersonBlocks.readNamed(group);
        if (r != null && (isSinglePerson(r) || (isNamedOnly(r) && headings.rank(term) != null))) {
            if (found.put(term, r) == null) {
                order.add(term);
            }
        }
    }

    /**
     * A grid row that holds two cards reads as one person (the first name, two ranks); the record is the
     * smallest repeated unit holding one person, so a block with candidates for two different people inside
     * it gives way to them.
     */
    private static void dropBlocksHoldingSeveralPeople(Map<Element, PersonBlocks.Reading> found, List<Element> order) {
        Map<Element, Set<String>> namesInside = new IdentityHashMap<>();
        for (Element el : order) {
            String key = NameKeys.personKey(found.get(el).name());
            for (Element p = el.parent(); p != null; p = p.parent()) {
                if (found.containsKey(p)) {
                    namesInside.computeIfAbsent(p, k -> new HashSet<>()).add(key);
                }
            }
        }
        namesInside.forEach((block, names) -> {
            if (names.size() >= 2) {
                found.remove(block);
                order.remove(block);
            }
        });
    }

    /** {@code parent.children()}, into a list the caller reuses. */
    private static void childElements(Element parent, List<Element> into) {
        into.clear();
        for (int i = 0, n = parent.childNodeSize(); i < n; i++) {
            if (parent.childNode(i) instanceof Element child) {
                into.add(child);
            }
        }
    }

    /** {@code childrenSize() >= 2} without building the child list, for the many leaves of a page. */
    private static boolean hasTwoChildElements(Element parent) {
        int found = 0;
        for (int i = 0, n = parent.childNodeSize(); i < n; i++) {
            if (parent.childNode(i) instanceof Element && ++found == 2) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSinglePerson(PersonBlocks.Reading r) {
        boolean oneEmail = r.emails().size() <= 1;
        boolean hasSignal = r.role() != null || !r.emails().isEmpty() || r.profileUrl() != null;
        return r.name() != null && hasSignal && oneEmail && r.rankLines() <= 2;
    }

    /** A name from markup and nothing else: a person only when the section heading gives the rank. */
    private static boolean isNamedOnly(PersonBlocks.Reading r) {
        return r.name() != null && r.nameFromMarkup() && r.emails().size() <= 1 && r.rankLines() == 0;
    }

    /**
     * A list of people is a run of siblings that nearly all read as names ("<p>Lynn Abbott (ECE)</p>" ...); a
     * link bar where a few links happen to be names ("Next", "News", "Gina Stranger") is not. Memoised per parent.
     */
    private static boolean mostlyNames(Element parent, String tag, Map<Element, Boolean> memo) {
        return memo.computeIfAbsent(parent, p -> {
            int siblings = 0;
            int names = 0;
            for (Element child : p.children()) {
                if (child.normalName().equals(tag)) {
                    siblings++;
                    if (PersonNames.extract(Text.clean(PageIndex.textOf(child))) != null) {
                        names++;
                    }
                }
            }
            return siblings >= 2 && names >= NAME_LIST_SHARE * siblings;
        });
    }

    private static ExtractedProfessor toRecord(Element block, PersonBlocks.Reading r, String pageDept,
                                            SectionHeadings headings) {
        if (r.role() != null && r.role().kind() == AcademicTitles.Kind.EXCLUDED) {
            return null; // staff, students and postdocs are listed in directories too
        }
        if (headings.formerMembers(block)) {
            return null; // "Alumni: Jane Doe, Assistant Professor at X": a rank held elsewhere, not here
        }
        if (r.role() == null) {
            // Grouped directories state the rank once, in the section heading ("Lecturers", "Staff").
            AcademicTitles.Role section = headings.role(block);
            if (section != null && section.kind() == AcademicTitles.Kind.EXCLUDED) {
                return null;
            }
            if (section != null && SectionHeadings.isGeneric(section) && Emails.bestFor(r.emails(), r.name()) == null
                    && PageIndex.linesOf(block).size() <= 1 && !mostlyNames(block.parent(), block.normalName(), new IdentityHashMap<>())) {
                // Under a bare "Faculty" heading a lone name link among other links is a link, not a person: a person
                // there has a card of their own, an email, or stands in a list of names.
                return null;
            }
            if (section != null) {
                r = new PersonBlocks.Reading(r.name(), section, r.emails(), r.profileUrl(), r.department(), r.rankLines(),
                        r.nameFromMarkup());
            }
        }
        String email = Emails.bestFor(r.emails(), r.name());
        String title = r.role() == null ? null : r.role().text();
        double confidence;
        if (title != null) {
            // A heading that says only "Faculty" (no rank) is weaker evidence than a rank on the card.
            double base = "other".equals(AcademicTitles.rankOf(title)) ? 0.55 : 0.7;
            confidence = base + (email != null ? 0.15 : 0) + (r.profileUrl() != null ? 0.05 : 0);
        } else {
            // No title at all: only trust it inside an explicitly faculty section, with an email.
            if (email == null || !r.nameFromMarkup() || !headings.aboutFacultyAlone(block)) {
                return null;
            }
            confidence = 0.45;
        }
        String dept = r.department() != null ? r.department() : pageDept;
        return new ExtractedProfessor(r.name(), title, email, dept, r.profileUrl(), Math.min(0.9, confidence), NAME,
                Evidence.of(block), email == null ? EmailImages.in(block) : null);
    }

}
