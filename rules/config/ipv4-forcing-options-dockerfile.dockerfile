FROM eclipse-temurin:21
# ruleid: v6lint.config.ipv4-forcing-options-dockerfile
ENV JAVA_OPTS="-Xmx512m -Djava.net.preferIPv4Stack=true"
# ok: v6lint.config.ipv4-forcing-options-dockerfile
ENV JAVA_OPTS2="-Xmx512m -Djava.net.preferIPv6Addresses=true"
# ruleid: v6lint.config.ipv4-forcing-options-dockerfile
ENV NODE_OPTIONS=--dns-result-order=ipv4first
