// Checks a Markdown file with the npm LanguageTool client `languagetool-api`, sending LanguageTool's
// annotated text built by `annotatedtext` from remark's syntax tree, and prints JSON: the
// annotation sent and every match with the text its offset and length cover in the file (JavaScript
// strings count UTF-16 units, as LanguageTool's offsets do).
//
// Usage: node check.mjs SERVER_URL FILE LANGUAGE
//
// languagetool-api has languagetool.org's address built in; the `request` module it calls is
// wrapped so that its requests go to SERVER_URL instead, and any other address is refused.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { compose, defaults } from "annotatedtext";
import remarkParse from "remark-parse";
import { unified } from "unified";

const [server, file, language] = process.argv.slice(2);
const BUILT_IN = "https://languagetool.org/api";

const require = createRequire(import.meta.url);
const request = require("request");
require.cache[require.resolve("request")].exports = (url, callback) => {
  if (!url.startsWith(BUILT_IN + "/")) {
    throw new Error(`refusing a request outside the server under test: ${url.slice(0, 80)}`);
  }
  return request(server + url.slice(BUILT_IN.length), callback);
};
const languagetool = require("languagetool-api");

const markdown = readFileSync(file, "utf8");
// Markup reads as the line breaks it holds (a paragraph break stays one), as annotatedtext-remark does.
const options = {
  ...defaults,
  interpretmarkup: (text = "") => "\n".repeat((text.match(/\n/g) || []).length),
};
const annotation = compose(markdown, unified().use(remarkParse).parse(markdown), options);

languagetool.check({ language, data: JSON.stringify(annotation) }, (error, result) => {
  if (error) {
    console.error(String(error));
    process.exit(1);
  }
  languagetool.showMistakes(result, (mistakes) => {
    const matches = result.matches.map((match, index) => ({
      ruleId: match.rule.id,
      categoryId: match.rule.category.id,
      issueType: match.rule.issueType,
      offset: match.offset,
      length: match.length,
      covered: markdown.slice(match.offset, match.offset + match.length),
      inContext: mistakes[index],
    }));
    console.log(JSON.stringify({ annotation, language: result.language, matches }));
  });
});
