"""Files inside files: e-mail, mbox, ZIP, Office Open XML and PDF containers.

The ``container`` detector (:mod:`verifier.detectors.container`) opens a container in a worker
process and writes each member it can read into a private scratch folder that the pipeline
created for it (never beside the input); the pipeline then analyses every member as an entry
of its own, ``container#place``, and gives the container the first verdict any of them reaches
(:mod:`.verdict`). One module per idea: :mod:`.limits` (the budget), :mod:`.scratch` (the
private folders), :mod:`.members` (writing members out), :mod:`.email_parts`,
:mod:`.email_facts`, :mod:`.mbox`, :mod:`.zip_members`, :mod:`.pdf_images`, :mod:`.expand`
(dispatch by type). Their words (a container's notes, its facts' labels) are in
:mod:`verifier.describe` (``container.*`` and ``detail.*`` keys).

Outlook ``.msg`` files are not read: a clear message asks for the message saved as ``.eml``.
"""
