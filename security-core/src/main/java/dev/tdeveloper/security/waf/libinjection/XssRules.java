package dev.tdeveloper.security.waf.libinjection;

import java.util.HashMap;
import java.util.Map;

/**
 * Our blacklists for {@link CrossSiteScripting}: dangerous tags, event handler names, attributes
 * that are always dangerous, attributes holding a URL (dangerous with a script-capable protocol)
 * and the indirect {@code attributeName} of SVG animations. Thread-safe (immutable).
 */
final class XssRules {
  /** Attribute classes. */
  static final char BLACK = 'B';

  static final char URL = 'U';
  static final char INDIRECT = 'I';

  /** Tags that run script or load active content by themselves. */
  static final WordTable TAGS =
      table(
          'T',
          "SCRIPT IFRAME FRAME FRAMESET OBJECT EMBED APPLET BASE LINK META STYLE MATH IMPORT"
              + " ISINDEX XML XSS LAYER ILAYER BGSOUND VMLFRAME HANDLER LISTENER NOSCRIPT PORTAL"
              + " COMMENT");

  /** Event names after the {@code on} prefix of an attribute. */
  static final WordTable EVENTS =
      table(
          'E',
          "ABORT ACTIVATE AFTERPRINT AFTERSCRIPTEXECUTE AFTERUPDATE ANIMATIONEND"
              + " ANIMATIONITERATION ANIMATIONSTART AUXCLICK BEFOREACTIVATE BEFORECOPY BEFORECUT"
              + " BEFOREDEACTIVATE BEFOREEDITFOCUS BEFOREINPUT BEFOREPASTE BEFOREPRINT"
              + " BEFORESCRIPTEXECUTE BEFORETOGGLE BEFOREUNLOAD BEFOREUPDATE BEGIN BLUR BOUNCE"
              + " CANPLAY CANPLAYTHROUGH CELLCHANGE CHANGE CLICK CLOSE CONTEXTMENU CONTROLSELECT"
              + " COPY CUECHANGE CUT DATAAVAILABLE DATASETCHANGED DATASETCOMPLETE DBLCLICK"
              + " DEACTIVATE DRAG DRAGEND DRAGENTER DRAGLEAVE DRAGOVER DRAGSTART DROP"
              + " DURATIONCHANGE EMPTIED END ENDED ERROR ERRORUPDATE FILTERCHANGE FINISH FOCUS"
              + " FOCUSIN FOCUSOUT FORMCHANGE FORMINPUT FULLSCREENCHANGE HASHCHANGE HELP INPUT"
              + " INVALID KEYDOWN KEYPRESS KEYUP LAYOUTCOMPLETE LOAD LOADEDDATA LOADEDMETADATA"
              + " LOADEND LOADSTART LOSECAPTURE MESSAGE MOUSEDOWN MOUSEENTER MOUSELEAVE MOUSEMOVE"
              + " MOUSEOUT MOUSEOVER MOUSEUP MOUSEWHEEL MOVE MOVEEND MOVESTART OFFLINE ONLINE"
              + " PAGEHIDE PAGESHOW PASTE PAUSE PLAY PLAYING POINTERDOWN POINTERENTER"
              + " POINTERLEAVE POINTERMOVE POINTEROUT POINTEROVER POINTERUP POPSTATE PROGRESS"
              + " PROPERTYCHANGE RATECHANGE READYSTATECHANGE REPEAT RESET RESIZE RESIZEEND"
              + " RESIZESTART RESUME REVERSE ROWENTER ROWEXIT ROWSDELETE ROWSINSERTED SCROLL"
              + " SCROLLEND SEARCH SEEK SEEKED SEEKING SELECT SELECTIONCHANGE SELECTSTART SHOW"
              + " STALLED START STOP STORAGE SUBMIT SUSPEND SYNCRESTORED TIMEERROR TIMEUPDATE"
              + " TOGGLE TOUCHCANCEL TOUCHEND TOUCHMOVE TOUCHSTART TRACK TRANSITIONCANCEL"
              + " TRANSITIONEND TRANSITIONRUN TRANSITIONSTART UNLOAD URLFLIP VOLUMECHANGE WAITING"
              + " WEBKITANIMATIONEND WEBKITANIMATIONSTART WEBKITTRANSITIONEND WHEEL");

  /** Attributes by class. */
  static final WordTable ATTRIBUTES = attributes();

  private XssRules() {}

  private static WordTable attributes() {
    Map<String, Character> m = new HashMap<>();
    for (String a :
        ("STYLE XMLNS XMLNS:XLINK SRCDOC FSCOMMAND SEEKSEGMENTTIME DATASRC DATAFLD DATAFORMATAS"
                + " FILTER BEHAVIOR")
            .split(" ")) {
      m.put(a, BLACK);
    }
    for (String a :
        ("SRC HREF ACTION FORMACTION DATA CODEBASE BACKGROUND LOWSRC DYNSRC POSTER XLINK:HREF"
                + " LONGDESC CLASSID ARCHIVE ICON MANIFEST PROFILE FOLDER FROM TO VALUES BY"
                + " CODE")
            .split(" ")) {
      m.put(a, URL);
    }
    m.put("ATTRIBUTENAME", INDIRECT);
    return new WordTable(m);
  }

  private static WordTable table(char value, String words) {
    Map<String, Character> m = new HashMap<>();
    for (String w : words.split(" ")) {
      m.put(w, value);
    }
    return new WordTable(m);
  }

  /** Whether {@code s[start, end)} names a dangerous tag ({@code svg*} and {@code xsl*} too). */
  static boolean dangerousTag(String s, int start, int end) {
    return TAGS.get(s, start, end) != 0
        || startsWith(s, start, end, "SVG")
        || startsWith(s, start, end, "XSL");
  }

  /** The class of an attribute name: {@link #BLACK} for event handlers too, or 0. */
  static char attribute(String s, int start, int end) {
    if (end - start > 2
        && WordTable.upper(s.charAt(start)) == 'O'
        && WordTable.upper(s.charAt(start + 1)) == 'N'
        && EVENTS.get(s, start + 2, end) != 0) {
      return BLACK;
    }
    return ATTRIBUTES.get(s, start, end);
  }

  /** ASCII case-insensitive prefix test, NULs skipped. */
  static boolean startsWith(String s, int start, int end, String upperPrefix) {
    int j = 0;
    for (int i = start; i < end && j < upperPrefix.length(); i++) {
      char c = s.charAt(i);
      if (c == 0) {
        continue;
      }
      if (WordTable.upper(c) != upperPrefix.charAt(j)) {
        return false;
      }
      j++;
    }
    return j == upperPrefix.length();
  }
}
