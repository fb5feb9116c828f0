/*
 * debt-or-dilution embed script: makes each embedded view's <iframe> exactly as tall as its
 * content. Each view posts {type: "debt-or-dilution:height", id, height} to this page whenever
 * its height changes; this script finds the iframe whose window sent it and sets its height.
 * It ignores every other message, and messages from windows that are not one of the page's
 * iframes. Safe to include more than once. No data leaves the page; nothing is stored.
 */
(function () {
  'use strict';
  if (window.debtOrDilutionEmbed) return;
  window.debtOrDilutionEmbed = true;
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'debt-or-dilution:height') return;
    var height = data.height;
    if (typeof height !== 'number' || height !== Math.floor(height) || height < 50 || height > 20000) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = height + 'px';
        frames[i].setAttribute('height', String(height));
        return;
      }
    }
  });
})();
