// Small enhancements shared by every page; everything works without them.
document.addEventListener("DOMContentLoaded", () => {
  for (const el of document.querySelectorAll(".js-only")) el.hidden = false;
  for (const button of document.querySelectorAll("[data-print]")) {
    button.addEventListener("click", () => window.print());
  }
  for (const button of document.querySelectorAll("[data-copy]")) {
    button.addEventListener("click", async () => {
      const source = document.querySelector(button.dataset.copy);
      const status = button.parentElement.querySelector(".copy-status");
      const text = source.value ?? source.textContent;
      try {
        await navigator.clipboard.writeText(text.trim());
        if (status) status.textContent = button.dataset.copied || "Skopiowano";
      } catch {
        source.select?.();
        if (status) status.textContent = button.dataset.copyFailed || "Zaznaczono – skopiuj Ctrl+C";
      }
    });
  }
});
