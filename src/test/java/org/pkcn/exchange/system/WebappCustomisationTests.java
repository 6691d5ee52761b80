package org.pkcn.exchange.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pkcn.exchange.ExchangeTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The Camunda webapps as the application serves them: the programme's name and logo, no "migrate to
 * Camunda 8" banner, and a Tasklist that speaks Simplified Chinese. The files under
 * src/main/resources/META-INF/resources/webjars/camunda/ replace the webjar's files of the same path.
 */
@ExchangeTest
@AutoConfigureMockMvc
class WebappCustomisationTests {

    private static final String PROGRAMME = "STZA–ZBRA Technology Exchange";
    private static final String WEBJAR_APPS = "META-INF/resources/webjars/camunda/app/";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired MockMvc mvc;

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void eachWebapp_carriesTheProgrammesName_andSkipsTheVendorsWelcomeBox(String app) throws Exception {
        String config = served("/camunda/app/" + app + "/scripts/config.js");

        assertThat(value(config, "name")).isEqualTo(PROGRAMME);
        assertThat(value(config, "vendor")).isEqualTo("Approval service");
        assertThat(config).containsPattern("disableWelcomeMessage:\\s*true");
    }

    @Test
    void tasklist_offersChinese_besideEnglish() throws Exception {
        String config = served("/camunda/app/tasklist/scripts/config.js");

        Matcher locales = Pattern.compile("availableLocales:\\s*\\[([^\\]]*)\\]").matcher(config);
        assertThat(locales.find()).as("locales.availableLocales in config.js").isTrue();
        assertThat(locales.group(1).split(","))
                .extracting(locale -> locale.strip().replaceAll("^['\"]|['\"]$", ""))
                .containsExactly("en", "zh");
        assertThat(value(config, "fallbackLocale")).isEqualTo("en");
        assertThat(config).contains("customScripts: ['scripts/programme-language']");
        assertThat(served("/camunda/app/tasklist/scripts/programme-language.js"))
                .contains("tasklist.navbar.action", "amMoment.changeLocale");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome"})
    void chineseLocale_hasExactlyTheKeysOfTheWebjarsEnglish_withPlaceholdersAndMarkupIntact(String app)
            throws Exception {
        JsonNode english = JSON.readTree(webjarFile(app + "/locales/en.json"));
        JsonNode chinese = JSON.readTree(served("/camunda/app/" + app + "/locales/zh.json"));

        Map<String, JsonNode> englishLeaves = leaves(english);
        Map<String, JsonNode> chineseLeaves = leaves(chinese);
        assertThat(chineseLeaves.keySet()).containsExactlyElementsOf(englishLeaves.keySet());

        englishLeaves.forEach((path, en) -> {
            JsonNode zh = chineseLeaves.get(path);
            assertThat(zh.getNodeType()).as(path).isEqualTo(en.getNodeType());
            if (en.isTextual()) {
                assertThat(zh.asText().isEmpty()).as(path + " is empty in exactly one language")
                        .isEqualTo(en.asText().isEmpty());
                assertThat(markup(zh.asText())).as(path + ": placeholders and HTML").isEqualTo(markup(en.asText()));
            }
        });
    }

    @Test
    void englishLocale_isStillTheWebjars() throws Exception {
        MvcResult result = mvc.perform(get("/camunda/app/tasklist/locales/en.json")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentAsByteArray()).isEqualTo(webjarFile("tasklist/locales/en.json"));
    }

    @Test
    void theCamunda8Banner_isRenderedWhereTheProgrammesStylesHideIt() throws Exception {
        // 7.24 has no switch for it: the header widget's template always renders it, with this class ...
        for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
            String bootstrap = new String(webjarFile(app + "/camunda-" + app + "-bootstrap.js"), StandardCharsets.UTF_8);
            assertThat(bootstrap).as(app + ": the banner as the webjar renders it")
                    .contains("<div ng-if=\"isCommunityEdition\" class=\"ce-eol-banner\"")
                    .contains("isCommunityEdition=!0");
        }
        // ... and each app's user styles pull in the rule that hides it
        for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
            assertThat(served("/camunda/app/" + app + "/styles/user-styles.css")).as(app)
                    .contains("@import url(\"../../branding/branding.css\");");
        }
        assertThat(served("/camunda/app/branding/branding.css")).containsPattern(
                "\\[cam-widget-header\\] \\.ce-eol-banner \\{\\s*display: none !important;\\s*}");

        // the webjar's static vendor page (served at the root) carried the banner as well
        assertThat(served("/camunda-welcome/index.html")).doesNotContain("ce-eol-banner", "migrate to Camunda");
    }

    @Test
    void theLogo_isTheProgrammesTwoColourMark() throws Exception {
        MvcResult result = mvc.perform(get("/camunda/app/branding/logo.svg")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentType()).startsWith("image/svg+xml");
        assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("#01411C", "#DE2910").doesNotContain("href=");
        assertThat(served("/camunda/app/branding/branding.css")).contains("url(\"logo.svg\")");
    }

    private String served(String path) throws Exception {
        MvcResult result = mvc.perform(get(path)).andReturn();
        assertThat(result.getResponse().getStatus()).as("GET " + path).isEqualTo(200);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** A file of the camunda-webapp-webjar itself, even where the application replaces it. */
    private static byte[] webjarFile(String path) throws IOException {
        for (URL url : Collections.list(WebappCustomisationTests.class.getClassLoader().getResources(WEBJAR_APPS + path))) {
            if (url.toString().contains("camunda-webapp-webjar")) {
                try (InputStream in = url.openStream()) {
                    return in.readAllBytes();
                }
            }
        }
        throw new IllegalStateException("not in camunda-webapp-webjar: " + path);
    }

    /** The string value of a config.js property such as {@code name: '...'} (the first one). */
    private static String value(String config, String property) {
        Matcher matcher = Pattern.compile("\\b" + property + ":\\s*'([^']*)'").matcher(config);
        assertThat(matcher.find()).as(property + " in config.js").isTrue();
        return matcher.group(1);
    }

    /** Every value that is not an object, by its path: labels.CLAIM_TASK, dateLocales.months[0], ... */
    private static Map<String, JsonNode> leaves(JsonNode node) {
        Map<String, JsonNode> leaves = new TreeMap<>();
        collect("", node, leaves);
        return leaves;
    }

    private static void collect(String path, JsonNode node, Map<String, JsonNode> leaves) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                collect(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), leaves);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(path + "[" + i + "]", node.get(i), leaves);
            }
        } else {
            leaves.put(path, node);
        }
    }

    private static final Pattern MARKUP = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}|<(/?\\w+)[^>]*>|%[sd]");

    /** The {{placeholders}}, HTML tags (with their attributes) and %s/%d of a text. */
    private static Set<String> markup(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = MARKUP.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1) != null ? "{{" + matcher.group(1) + "}}" : matcher.group());
        }
        return found;
    }
}
