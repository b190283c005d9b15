import { mount } from "svelte";
import App from "./app/App.svelte";
import { watchArrivals } from "./app/arrivals.svelte";
import "./app/theme.css";

const target = document.getElementById("app");
if (!target) throw new Error("index.html has no #app element");
mount(App, { target });
// Without the event the app works as before; changes from other computers show on the next visit.
watchArrivals().catch(() => undefined);
