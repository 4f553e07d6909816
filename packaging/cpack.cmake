# The hospital-kiosk .deb: install rules and CPack's DEB generator.
# `cpack -G DEB` in the build folder (or `cmake --build build --target package`)
# writes hospital-kiosk_<version>_<arch>.deb; README "Installing on a kiosk".
#
# Paths are Debian 12's: binaries in /usr/bin, data in /usr/share, units and
# udev rules in /lib (where systemd's and udev's pkg-config files put them on
# bookworm), configuration in /etc.
set(KIOSK_PACKAGING_DIR ${CMAKE_CURRENT_LIST_DIR})
# cpack and `make install` take what is built and build nothing themselves:
# the package test runs cpack in a build folder whose tests are already built,
# and a package is made from a build that passed them.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)

install(TARGETS kiosk kioskctl RUNTIME DESTINATION bin)
# The kiosk looks for ../share/kiosk/assets beside its binary (settings/assets_dir.hpp).
install(DIRECTORY ${KIOSK_SOURCE_ASSETS}/ DESTINATION share/kiosk/assets)
install(FILES ${CMAKE_SOURCE_DIR}/README.md DESTINATION share/doc/hospital-kiosk)
install(FILES ${KIOSK_PACKAGING_DIR}/systemd/kiosk.service DESTINATION /lib/systemd/system)
install(FILES ${KIOSK_PACKAGING_DIR}/udev/60-kiosk-devices.rules DESTINATION /lib/udev/rules.d)
install(FILES ${KIOSK_PACKAGING_DIR}/deb/kiosk.conf DESTINATION /etc/kiosk)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME hospital-kiosk)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_CONTACT "Hospital kiosk maintainers <kiosk@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "self-service kiosk for a hospital's outpatient hall")
string(CONCAT CPACK_PACKAGE_DESCRIPTION
       "A fullscreen touch application where patients identify themselves with their ID card\n"
       "or a code, register with a doctor, pay bills and print reports. Runs as its own\n"
       "user under the cage Wayland compositor on tty1, started and watched by systemd.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Release binaries without their debug information (RelWithDebInfo builds are ~10 times larger).
set(CPACK_STRIP_FILES ON)

# Libraries are found by dpkg-shlibdeps from the binaries (SDL2, libusb,
# libcups, libqrencode, SQLite, cairo, pango, espeak-ng, libsystemd, ...);
# what the binaries load or run otherwise is listed by hand: the compositor,
# the font and the voices, and the tools the maintainer scripts use.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "cage, fonts-noto-cjk, espeak-ng-data, passwd, systemd")
# The A4 printer goes through a local spooler; a kiosk without one prints receipts only.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "cups-daemon")

set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${KIOSK_PACKAGING_DIR}/deb/conffiles
    ${KIOSK_PACKAGING_DIR}/deb/postinst
    ${KIOSK_PACKAGING_DIR}/deb/prerm
    ${KIOSK_PACKAGING_DIR}/deb/postrm)
# Scripts 0755, conffiles 0644, whatever the checkout's modes.
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)

include(CPack)
