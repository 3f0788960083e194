// keeptabs pages: render the Vega-Lite charts whose specs the page carries as JSON.
// No inline scripts and no eval: vega-embed runs with its expression interpreter
// (ast: true, bundled in vega-embed) and without injected styles, so the strict Content-Security-Policy holds.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  for (const element of document.querySelectorAll("[data-spec]")) {
    const source = document.getElementById(element.dataset.spec);
    if (!source || typeof vegaEmbed !== "function") continue;
    const spec = JSON.parse(source.textContent);
    vegaEmbed(element, spec, {
      renderer: "svg",
      ast: true,
      defaultStyle: false,
      actions: false,
      tooltip: { disableDefaultStyle: true },
    }).then(() => element.setAttribute("data-rendered", "true"))
      .catch((error) => {
        element.textContent = "The chart could not be drawn: " + error.message;
      });
  }
});

// Facet forms: leave unset facets out of the request, so the URL pushed to the history
// is the short permalink (/claims?section=headline), not every empty field.
document.addEventListener("htmx:configRequest", (event) => {
  const params = event.detail.parameters;
  const entries = typeof params.entries === "function" ? Array.from(params.entries()) : Object.entries(params);
  for (const [name, value] of entries) {
    if (value === "") {
      if (typeof params.delete === "function") params.delete(name);
      else delete params[name];
    }
  }
});
