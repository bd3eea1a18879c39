package io.univinsight.extraction;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chinese and Japanese names written in Han characters: "陈洪波" (no space, family name first) is a name
 * when it starts with a known family name ({@code vocabulary/surnames-zh.txt}); "太田 啓之" (family and given
 * name apart, as Japanese pages write them) is a name by its shape. Words of a page's chrome, departments and
 * ranks are refused by the characters that never end or fill a name.
 */
final class HanNames {
    private static final String HAN = "\\p{IsHan}";
    private static final Pattern JOINED = Pattern.compile("^" + HAN + "{2,4}$");
    private static final Pattern SPACED = Pattern.compile("^(" + HAN + "{1,3})[ \u3000](" + HAN + "[" + HAN + "\\p{IsHiragana}\\p{IsKatakana}]{0,3})$");
    // Characters that mark an institution, a place, a page element or a rank rather than a person.
    private static final Pattern NOT_A_NAME = Pattern.compile(
            "[院系部处處室馆館页頁网網址箱届屆号號省市区區路楼樓的与與及在是了为為们們其此]"
                    + "|研究|中心|学院|學院|大学|大學|实验|實驗|招生|就业|就業|首页|首頁|更多|详细|詳細|目录|目錄|介绍|介紹"
                    + "|简介|簡介|简历|簡歷|职称|職稱|方向|邮箱|郵箱|电话|電話|办公|辦公|课程|課程|新闻|新聞|通知|公告|成果|论文|論文"
                    + "|教师|教師|教授|讲师|講師|老师|老師|主任|院长|院長|书记|書記|博士|硕士|碩士|学生|學生|名单|名單|一覧|一覽|教員|職員");
    private static final Set<String> SURNAMES = loadSurnames();

    private HanNames() {
    }

    /** Cheap test before the patterns: every Han name starts with a Han character. */
    static boolean startsWithHan(String text) {
        return !text.isEmpty() && Character.UnicodeScript.of(text.codePointAt(0)) == Character.UnicodeScript.HAN;
    }

    /** The name as written (a spaced name keeps its one space), or null. */
    static String extract(String text) {
        Matcher spaced = SPACED.matcher(text);
        if (spaced.matches()) {
            String name = spaced.group(1) + " " + spaced.group(2);
            return NOT_A_NAME.matcher(name).find() ? null : name;
        }
        if (!JOINED.matcher(text).matches() || NOT_A_NAME.matcher(text).find() || RankVocabulary.find(text) != null) {
            return null; // "师资队伍" (faculty), "教授": words of the rank vocabulary are no one's name
        }
        boolean knownFamilyName = SURNAMES.contains(text.substring(0, 1))
                || (text.length() >= 3 && SURNAMES.contains(text.substring(0, 2)));
        return knownFamilyName ? text : null;
    }

    private static Set<String> loadSurnames() {
        Set<String> out = new HashSet<>();
        for (String line : VocabularyFiles.lines("surnames-zh.txt")) {
            out.addAll(List.of(line.split("\\s+")));
        }
        return out;
    }
}
