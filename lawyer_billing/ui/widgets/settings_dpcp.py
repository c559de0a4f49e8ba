"""Paramètres, Service de négociation du DPCP: the address the Outils' e-mail goes to and the
two rooms its subject may name, as the notice of 24 November 2020 gives them until the DPCP
announces others."""

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from lawyer_billing.domain.tools.dpcp_email import NOTICE, ROOM_FIELDS
from lawyer_billing.services.settings import load_dpcp_settings, restore_dpcp_notice, save_dpcp_settings
from lawyer_billing.ui.i18n import tr
from lawyer_billing.ui.widgets import settings_section
from lawyer_billing.ui.widgets.fields import with_message
from lawyer_billing.ui.widgets.settings_section import SettingsSection, button_row, explanation


class DpcpSection(SettingsSection):
    def __init__(self, context, parent=None) -> None:
        super().__init__(context, parent)
        self.intro = explanation()
        self.address = QLineEdit()
        self.address.setObjectName("address")
        self.rooms = {name: QLineEdit() for name in ROOM_FIELDS}
        self.labels: dict[str, QLabel] = {}
        form = QFormLayout()
        for name, field in (("address", self.address), *self.rooms.items()):
            field.setObjectName(name)
            self.labels[name] = QLabel()
            self.labels[name].setBuddy(field)
            form.addRow(self.labels[name], with_message(field, self.messages.label_for(name)))
        self.save_button = QPushButton()
        self.save_button.setObjectName("save_dpcp")
        self.save_button.clicked.connect(self.save)
        self.restore_button = QPushButton()
        self.restore_button.setObjectName("restore_dpcp")
        self.restore_button.clicked.connect(self.restore)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addLayout(button_row(self.save_button, self.restore_button))
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.track(self.address, *self.rooms.values())
        self.retranslate()
        self.load()

    def retranslate(self) -> None:
        self.intro.setText(tr(
            "Le courriel de l'onglet Outils, Courriel au DPCP, va au service de négociation du DPCP de Montréal, "
            "à l'adresse donnée par son avis ; son objet nomme la salle où revient le dossier, l'une des deux "
            "salles de l'avis (3.07 ou 4.02). Changez-les ici quand le DPCP en annonce d'autres."
        ) + f"\n{NOTICE}")
        self.labels["address"].setText(tr("Adresse &courriel"))
        self.labels["first_room"].setText(tr("&Première salle"))
        self.labels["second_room"].setText(tr("&Seconde salle"))
        self.save_button.setText(tr("Enregistrer (Entrée)"))
        self.restore_button.setText(tr("Rétablir les valeurs de l'avis"))

    def load(self) -> None:
        settings = self.read(load_dpcp_settings)
        self.address.setText(settings.address)
        for field, room in zip(self.rooms.values(), settings.rooms):
            field.setText(room)
        self.remember_stored()

    def save(self) -> None:
        rooms = tuple(field.text() for field in self.rooms.values())
        saved = self.run(lambda uow: save_dpcp_settings(uow, self.address.text(), rooms,
                                                        user=self.context.user, now=self.context.now()))
        if saved is not None:
            self.load()
            self.done(tr("Adresse et salles du DPCP enregistrées."))

    def restore(self) -> None:
        if not settings_section.ask(self, tr("Rétablir les valeurs de l'avis"), tr(
                "Reprendre l'adresse et les salles de l'avis du DPCP du 24 novembre 2020 ? Celles que vous avez "
                "saisies seront oubliées.")):
            return
        self.messages.clear()
        restored = self.run(lambda uow: restore_dpcp_notice(uow, user=self.context.user, now=self.context.now()))
        if restored is not None:
            self.load()
            self.done(tr("Valeurs de l'avis du DPCP rétablies."))
