#!/usr/bin/python3
"""The tray and the window as a desktop sees them, for tests/desktop/*.sh (Debian's python3 with
python3-dbus, python3-gi and python3-xlib, installed by `make system-deps`).

    tray.py watch FILE          be the desktop's StatusNotifierWatcher (nothing else on a private
                                bus is): write "ready", then "registered NAME PATH" for each tray
                                item and "gone NAME" when its owner leaves the bus, to FILE
    tray.py item NAME PATH      print the item's Id, Status and its menu's labels, as JSON
    tray.py click NAME PATH LABEL
                                click the menu entry with that label (com.canonical.dbusmenu Event)
    tray.py window PID          print "shown", "hidden" or "none": PID's main window's map state
    tray.py close PID           ask PID's main window to close, as a window manager's close button
                                does (a WM_DELETE_WINDOW message)

The watcher answers what libayatana-appindicator asks of one (the KDE/freedesktop
StatusNotifierItem specification): RegisterStatusNotifierItem, and the properties
IsStatusNotifierHostRegistered (true: a host shows items), ProtocolVersion and
RegisteredStatusNotifierItems.
"""

import json
import sys
import time

import dbus

WATCHER = "org.kde.StatusNotifierWatcher"
ITEM = "org.kde.StatusNotifierItem"
MENU = "com.canonical.dbusmenu"
PROPERTIES = "org.freedesktop.DBus.Properties"


def watch(out_path):
    import dbus.service
    from dbus.mainloop.glib import DBusGMainLoop
    from gi.repository import GLib

    DBusGMainLoop(set_as_default=True)
    bus = dbus.SessionBus()
    out = open(out_path, "a", buffering=1)

    class Watcher(dbus.service.Object):
        def __init__(self):
            super().__init__(bus, "/StatusNotifierWatcher")
            self.items = []

        @dbus.service.method(WATCHER, in_signature="s", sender_keyword="sender")
        def RegisterStatusNotifierItem(self, service, sender=None):
            # appindicator sends its object path; other items send a bus name.
            name, path = (sender, service) if service.startswith("/") else (service, "/StatusNotifierItem")
            item = name + path
            if item not in self.items:
                self.items.append(item)
                out.write(f"registered {name} {path}\n")
                bus.watch_name_owner(name, lambda owner: self.owner_changed(name, item, owner))
            self.StatusNotifierItemRegistered(item)

        def owner_changed(self, name, item, owner):
            if owner == "" and item in self.items:
                self.items.remove(item)
                out.write(f"gone {name}\n")
                self.StatusNotifierItemUnregistered(item)

        @dbus.service.method(WATCHER, in_signature="s")
        def RegisterStatusNotifierHost(self, service):
            pass

        @dbus.service.signal(WATCHER, signature="s")
        def StatusNotifierItemRegistered(self, service):
            pass

        @dbus.service.signal(WATCHER, signature="s")
        def StatusNotifierItemUnregistered(self, service):
            pass

        @dbus.service.signal(WATCHER, signature="")
        def StatusNotifierHostRegistered(self):
            pass

        @dbus.service.method(PROPERTIES, in_signature="ss", out_signature="v")
        def Get(self, interface, prop):
            return self.GetAll(interface)[prop]

        @dbus.service.method(PROPERTIES, in_signature="s", out_signature="a{sv}")
        def GetAll(self, interface):
            if interface != WATCHER:
                raise dbus.exceptions.DBusException(f"no interface {interface}")
            return {
                "RegisteredStatusNotifierItems": dbus.Array(self.items, signature="s"),
                "IsStatusNotifierHostRegistered": dbus.Boolean(True),
                "ProtocolVersion": dbus.Int32(0),
            }

    watcher = Watcher()  # noqa: F841 (exported while the loop runs)
    name = dbus.service.BusName(WATCHER, bus, do_not_queue=True)  # noqa: F841
    out.write("ready\n")
    GLib.MainLoop().run()


def menu_entries(bus, name, path):
    item = bus.get_object(name, path)
    menu_path = item.Get(ITEM, "Menu", dbus_interface=PROPERTIES)
    menu = dbus.Interface(bus.get_object(name, menu_path), MENU)
    _revision, (_id, _props, children) = menu.GetLayout(0, -1, dbus.Array([], signature="s"))
    entries = []
    for child in children:
        child_id, props, _ = child
        if props.get("visible", True) and props.get("type", "standard") == "standard":
            entries.append((int(child_id), str(props.get("label", "")), bool(props.get("enabled", True))))
    return item, menu, entries


def item(name, path):
    bus = dbus.SessionBus()
    obj, _, entries = menu_entries(bus, name, path)
    props = obj.GetAll(ITEM, dbus_interface=PROPERTIES)
    print(json.dumps({
        "id": str(props.get("Id", "")),
        "status": str(props.get("Status", "")),
        "menu": [label for _, label, enabled in entries if enabled],
    }))


def click(name, path, label):
    bus = dbus.SessionBus()
    _, menu, entries = menu_entries(bus, name, path)
    found = [entry_id for entry_id, text, enabled in entries if text == label and enabled]
    if not found:
        sys.exit(f"no enabled menu entry {label!r} in {[text for _, text, _ in entries]}")
    menu.Event(dbus.Int32(found[0]), "clicked", dbus.Int32(0, variant_level=1), dbus.UInt32(int(time.time())))


def main_window(display, pid):
    """The process's top-level window that takes WM_DELETE_WINDOW (GTK also makes helper windows)."""
    from Xlib import X

    pid_atom = display.intern_atom("_NET_WM_PID")
    delete = display.intern_atom("WM_DELETE_WINDOW")
    for window in display.screen().root.query_tree().children:
        owner = window.get_full_property(pid_atom, X.AnyPropertyType)
        if not owner or owner.value[0] != pid:
            continue
        attributes = window.get_attributes()
        if attributes.win_class != X.InputOutput or delete not in (window.get_wm_protocols() or []):
            continue
        geometry = window.get_geometry()
        if geometry.width > 1 and geometry.height > 1:
            return window
    return None


def window(pid):
    from Xlib import X, display

    found = main_window(display.Display(), pid)
    if found is None:
        print("none")
    else:
        print("shown" if found.get_attributes().map_state == X.IsViewable else "hidden")


def close(pid):
    from Xlib import X, display, protocol

    d = display.Display()
    found = main_window(d, pid)
    if found is None:
        sys.exit(f"process {pid} has no window")
    message = protocol.event.ClientMessage(
        window=found,
        client_type=d.intern_atom("WM_PROTOCOLS"),
        data=(32, [d.intern_atom("WM_DELETE_WINDOW"), X.CurrentTime, 0, 0, 0]),
    )
    found.send_event(message, event_mask=X.NoEventMask)
    d.flush()


if __name__ == "__main__":
    commands = {"watch": watch, "item": item, "click": click, "window": window, "close": close}
    command, *args = sys.argv[1:] or ["help"]
    if command not in commands:
        sys.exit(__doc__)
    if command in ("window", "close"):
        args = [int(args[0])]
    commands[command](*args)
