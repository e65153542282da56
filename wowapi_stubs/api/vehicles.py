"""Vehicles and their seats, and possession: the world has no vehicle (``UnitInVehicle`` and
``UnitHasVehicleUI`` answer nil for every unit), so no unit has seats, controls one or shows a
vehicle skin, the player cannot exit, switch seats or eject anyone, and the aim and exit
actions do nothing, as on the client outside a vehicle. A unit query without its unit
argument is the client's usage error."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.api._windows import indexed, nothing
from wowapi_stubs.api.unit import unit_argument

if TYPE_CHECKING:
    from wowapi_stubs.host import Host


def install(client: Host) -> dict[str, Callable[..., Any]]:
    world = client.world

    def of_unit(name: str, answer: Any = None, *, seat: bool = False) -> Callable[..., Any]:
        """A query of a unit (and a seat): ``answer`` for any unit, none is in a vehicle."""
        seat_usage = indexed(f'{name}("unit", seatIndex)')

        def api(unit: Any = None, seat_index: Any = None, *_: Any) -> Any:
            unit_argument(world, unit, name)
            if seat:
                seat_usage(seat_index)
            return answer

        api.__name__ = name
        return api

    return {
        "UnitVehicleSkin": of_unit("UnitVehicleSkin"),
        "UnitVehicleSeatCount": of_unit("UnitVehicleSeatCount", 0),
        "UnitVehicleSeatInfo": of_unit("UnitVehicleSeatInfo", (), seat=True),
        "UnitControllingVehicle": of_unit("UnitControllingVehicle"),
        "UnitInVehicleControlSeat": of_unit("UnitInVehicleControlSeat"),
        "UnitIsControlling": of_unit("UnitIsControlling"),
        "UnitTargetsVehicleInRaidUI": of_unit("UnitTargetsVehicleInRaidUI"),
        "UnitSwitchToVehicleSeat": of_unit("UnitSwitchToVehicleSeat", seat=True),
        "CanExitVehicle": nothing,
        "CanSwitchVehicleSeat": nothing,
        "CanEjectPassengerFromSeat": indexed("CanEjectPassengerFromSeat(seatIndex)",
                                             answer=None),
        "EjectPassengerFromSeat": indexed("EjectPassengerFromSeat(seatIndex)", answer=None),
        "IsVehicleAimAngleAdjustable": nothing,
        "VehicleExit": nothing,
        "VehicleAimUpStart": nothing,
        "VehicleAimUpStop": nothing,
        "VehicleAimDownStart": nothing,
        "VehicleAimDownStop": nothing,
        "VehicleAimRequestNormAngle": nothing,
    }
