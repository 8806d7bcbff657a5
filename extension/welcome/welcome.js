// The welcome page: fills in the shortcuts as the browser has them set
// (commands.getAll), and where one is unset, says where to set it.
import { api } from "../lib/api.js";
import { t } from "../lib/i18n.js";
import { localizePage } from "../lib/localize-page.js";

const isFirefox = api.runtime.getURL("").startsWith("moz-extension:");
const WHERE = isFirefox ? t("welcome_whereFirefox") : t("welcome_whereChromium");

async function shortcuts() {
  const commands = await api.commands.getAll();
  const list = document.getElementById("shortcuts");
  let unset = 0;
  list.replaceChildren(
    ...commands
      .filter((c) => c.description)
      .sort((a, b) => a.name.localeCompare(b.name) * -1)
      .map((c) => {
        const li = document.createElement("li");
        if (c.shortcut) {
          const kbd = document.createElement("kbd");
          kbd.textContent = c.shortcut;
          li.append(kbd, ` ${c.description}`);
        } else {
          unset++;
          li.append(t("welcome_notSet", c.description));
        }
        li.dataset.command = c.name;
        return li;
      }),
  );
  document.getElementById("set-shortcuts").textContent = unset ? t("welcome_setUnset", WHERE) : t("welcome_change", WHERE);
}

localizePage();
document.getElementById("options").addEventListener("click", (e) => {
  e.preventDefault();
  api.runtime.openOptionsPage();
});
shortcuts();
