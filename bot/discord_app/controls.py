"""The buttons on a running round's header: Stop and Pause/Resume, for whoever may control the round."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import discord

from .sender import NO_MENTIONS
from .session import MAX_PAUSE, Round

# Longer than a round lasts between two presses (at most ~40 paced steps of 20 s, or one MAX_PAUSE), so the
# buttons outlive the round; the timeout only frees a view whose round somehow never ended.
CONTROLS_TIMEOUT = max(15 * 60.0, MAX_PAUSE + 60.0)
REFUSAL = "Only whoever started this round, the server's host role or someone with Manage Messages can do that."
ENDED = "This debate round has ended."
CUSTOM_ID_PREFIX = "debate:"
# Buttons whose view is live in this process, by custom id: any other "debate:" button is from a round that
# ended without its buttons being taken away (the bot was killed, say), and is answered as such.
LIVE: set[str] = set()


def stale(custom_id: str) -> bool:
    return custom_id.startswith(CUSTOM_ID_PREFIX) and custom_id not in LIVE


class RoundControls(discord.ui.View):
    def __init__(
        self,
        round_: Round,
        may_control: Callable[[discord.Interaction, Round], Awaitable[bool]],
        stop: Callable[[Round, str], object],
    ):
        super().__init__(timeout=CONTROLS_TIMEOUT)
        self.round = round_
        self._may_control = may_control
        self._stop = stop
        # Scoped to the round, so a click on an old round's header can never reach a newer round.
        self.stop_button.custom_id = f"{CUSTOM_ID_PREFIX}{round_.nonce_prefix}stop"
        self.pause_button.custom_id = f"{CUSTOM_ID_PREFIX}{round_.nonce_prefix}pause"
        LIVE.update(self._ids())

    def _ids(self) -> list[str]:
        return [item.custom_id for item in self.children if isinstance(item, discord.ui.Button) and item.custom_id]

    def stop(self) -> None:
        LIVE.difference_update(self._ids())
        super().stop()

    async def on_timeout(self) -> None:
        LIVE.difference_update(self._ids())

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        if await self._may_control(interaction, self.round):
            return True
        await interaction.response.send_message(REFUSAL, ephemeral=True, allowed_mentions=NO_MENTIONS)
        return False

    @discord.ui.button(label="Stop", style=discord.ButtonStyle.danger)
    async def stop_button(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        self._stop(self.round, interaction.user.display_name)
        # The buttons go at once; the round posts its own closing line where it runs.
        await interaction.response.edit_message(view=None)

    @discord.ui.button(label="Pause", style=discord.ButtonStyle.secondary)
    async def pause_button(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        if self.round.paused:
            self.round.resumed.set()
            button.label = "Pause"
        else:
            self.round.resumed.clear()  # the round holds before its next post
            button.label = "Resume"
        await interaction.response.edit_message(view=self)
