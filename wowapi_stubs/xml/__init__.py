"""The 3.3.5a UI XML loader: ``<Ui>`` files listed in a ``.toc`` (scripts, includes, fonts,
frames of every type with their layers, children and handlers) and virtual templates,
which ``CreateFrame`` applies too.

Imported only when an addon lists an XML file or ``CreateFrame`` names a template, so a
client that loads no XML pays nothing for it.
"""

from wowapi_stubs.xml._document import load_xml_file
from wowapi_stubs.xml.templates import apply_named_templates

__all__ = ["apply_named_templates", "load_xml_file"]
