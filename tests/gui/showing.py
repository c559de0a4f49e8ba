"""Putting a screen before the user and reading what it shows, for the GUI tests."""


def show_screen(qtbot, screen, width: int, height: int):
    """``screen`` shown and active at ``width`` × ``height``, refreshed as the main window
    refreshes a screen it brings forward."""
    qtbot.addWidget(screen)
    screen.resize(width, height)
    with qtbot.waitActive(screen):
        screen.show()
        screen.activateWindow()
    screen.refresh()
    return screen


def plain(text: str) -> str:
    """Shown text with its no-break spaces (« 165,00 $ ») as ordinary ones."""
    return text.replace("\u00a0", " ")


def cells(model, row: int, columns) -> list[str]:
    return [plain(model.index(row, column).data()) for column in columns]
