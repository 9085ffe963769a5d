/* Read aloud, a progressive enhancement.
   A button with data-read-aloud="ID" (or aria-controls="ID") reads the element with that id in
   the element's own language, with the browser's speech synthesis: nothing leaves the device.
   The button is hidden in the HTML; it is shown only when the browser has a voice for that
   language, so that a family never hears its language read by a voice of another one. */
(function () {
  "use strict";

  var synth = window.speechSynthesis;
  if (!synth || typeof window.SpeechSynthesisUtterance !== "function") {
    return;
  }

  // Chinese voices differ by script and region: Simplified Chinese is read by a Mandarin voice
  // of mainland China or Singapore, never by a Cantonese (Hong Kong) one.
  var SCRIPT_REGIONS = { hans: ["cn", "sg"], hant: ["tw", "hk", "mo"] };
  var LANGUAGE_ALIASES = { cmn: "zh" };

  function parseTag(tag) {
    var parts = String(tag || "").toLowerCase().replace(/_/g, "-").split("-");
    var parsed = { language: LANGUAGE_ALIASES[parts[0]] || parts[0], script: null, region: null };
    parts.slice(1).forEach(function (part) {
      if (part.length === 4) {
        parsed.script = part;
      } else if (part.length === 2 || part.length === 3) {
        parsed.region = part;
      }
    });
    if (!parsed.script && parsed.region) {
      Object.keys(SCRIPT_REGIONS).forEach(function (script) {
        if (SCRIPT_REGIONS[script].indexOf(parsed.region) >= 0) {
          parsed.script = script;
        }
      });
    }
    return parsed;
  }

  // The best installed voice for a language tag, or null when none can read it.
  function voiceFor(tag) {
    var wanted = parseTag(tag);
    var best = null;
    var bestScore = 0;
    synth.getVoices().forEach(function (voice) {
      var offered = parseTag(voice.lang);
      if (offered.language !== wanted.language) {
        return;
      }
      if (wanted.script && offered.script && offered.script !== wanted.script) {
        return;
      }
      var score = 1;
      if (wanted.script && offered.script === wanted.script) {
        score += 2;
      }
      if (voice.localService) {
        score += 1;  // works offline, and nothing is sent to a speech server
      }
      if (score > bestScore) {
        best = voice;
        bestScore = score;
      }
    });
    return best;
  }

  function languageOf(element) {
    var holder = element.closest("[lang]");
    return holder ? holder.getAttribute("lang") : "";
  }

  function enhance(button) {
    var target = document.getElementById(button.getAttribute("data-read-aloud") || button.getAttribute("aria-controls"));
    var label = button.querySelector(".read-aloud__label") || button;
    if (!target) {
      return;
    }
    var language = languageOf(target);
    var startText = label.textContent;
    var stopText = button.getAttribute("data-label-stop") || startText;
    var speaking = false;

    function showState(isSpeaking) {
      speaking = isSpeaking;
      label.textContent = isSpeaking ? stopText : startText;
      button.classList.toggle("read-aloud--speaking", isSpeaking);
    }

    function offerWhenAVoiceExists() {
      button.hidden = voiceFor(language) === null;
    }

    button.addEventListener("click", function () {
      if (speaking) {
        synth.cancel();
        showState(false);
        return;
      }
      var voice = voiceFor(language);
      if (!voice) {
        return;
      }
      synth.cancel();  // one reading at a time on the page
      var utterance = new window.SpeechSynthesisUtterance(target.innerText);
      utterance.voice = voice;
      utterance.lang = voice.lang;
      utterance.rate = 0.9;  // a little slower than usual: easier to follow
      utterance.onend = function () { showState(false); };
      utterance.onerror = function () { showState(false); };
      showState(true);
      synth.speak(utterance);
    });

    offerWhenAVoiceExists();
    // Most browsers load their voices after the page: look again when they arrive.
    synth.addEventListener("voiceschanged", offerWhenAVoiceExists);
  }

  document.querySelectorAll("[data-read-aloud], .read-aloud[aria-controls]").forEach(enhance);
  window.addEventListener("pagehide", function () { synth.cancel(); });
}());
