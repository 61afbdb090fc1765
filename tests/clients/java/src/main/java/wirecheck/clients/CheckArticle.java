package wirecheck.clients;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.languagetool.remote.RemoteLanguageTool;
import org.languagetool.remote.RemoteResult;
import org.languagetool.remote.RemoteRuleMatch;

/**
 * Checks a UTF-8 file with LanguageTool's RemoteLanguageTool against a server and prints the
 * result as JSON: the language, the software, and every match with the text its offset and
 * length cover in the file (Java strings count UTF-16 units, as LanguageTool's offsets do).
 *
 * <p>Usage: CheckArticle SERVER_URL FILE LANGUAGE
 */
public final class CheckArticle {

  private CheckArticle() {}

  public static void main(String[] args) throws Exception {
    String text = Files.readString(Path.of(args[1]), StandardCharsets.UTF_8);
    RemoteResult result = new RemoteLanguageTool(new URL(args[0])).check(text, args[2]);
    List<Map<String, Object>> matches = new ArrayList<>();
    for (RemoteRuleMatch match : result.getMatches()) {
      Map<String, Object> found = new LinkedHashMap<>();
      found.put("ruleId", match.getRuleId());
      found.put("subId", match.getRuleSubId().orElse(null));
      found.put("categoryId", match.getCategoryId().orElse(null));
      found.put("issueType", match.getLocQualityIssueType().orElse(null));
      found.put("message", match.getMessage());
      found.put("shortMessage", match.getShortMessage().orElse(null));
      found.put("replacements", match.getReplacements().orElse(List.of()));
      found.put("offset", match.getErrorOffset());
      found.put("length", match.getErrorLength());
      found.put("covered", text.substring(match.getErrorOffset(), match.getErrorOffset() + match.getErrorLength()));
      String context = match.getContext();
      int inContext = match.getContextOffset();
      found.put("inContext", context.substring(inContext, inContext + match.getErrorLength()));
      matches.add(found);
    }
    Map<String, Object> printed = new LinkedHashMap<>();
    printed.put("language", result.getLanguageCode());
    printed.put("software", result.getRemoteServer().getSoftware());
    printed.put("version", result.getRemoteServer().getVersion());
    printed.put("matches", matches);
    System.out.println(new ObjectMapper().writeValueAsString(printed));
  }
}
