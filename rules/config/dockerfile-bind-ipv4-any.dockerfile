FROM python:3.12
# ruleid: v6lint.config.dockerfile-bind-ipv4-any
ENV HOST=0.0.0.0
# ruleid: v6lint.config.dockerfile-bind-ipv4-any
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]
# ok: v6lint.config.dockerfile-bind-ipv4-any
CMD ["gunicorn", "--bind", "[::]:8000", "app:app"]
# ok: v6lint.config.dockerfile-bind-ipv4-any
EXPOSE 8000
# ok: v6lint.config.dockerfile-bind-ipv4-any
RUN echo "nameserver 10.0.0.2" > /tmp/resolv
# ruleid: v6lint.config.dockerfile-bind-ipv4-any
CMD ["jupyter", "lab", "--ip=0.0.0.0", "--no-browser"]
# ruleid: v6lint.config.dockerfile-bind-ipv4-any
ENTRYPOINT ["mysqld", "--bind-address=0.0.0.0"]
# ok: v6lint.config.dockerfile-bind-ipv4-any
CMD ["jupyter", "lab", "--ip=::", "--no-browser"]
# ok: v6lint.config.dockerfile-bind-ipv4-any
CMD ["proxy", "--ip-allowlist", "0.0.0.0/0"]
# ruleid: v6lint.config.dockerfile-bind-ipv4-any
ENV OLEFY_BINDADDRESS=0.0.0.0 OLEFY_BINDPORT=10055
# ok: v6lint.config.dockerfile-bind-ipv4-any
ENV OLEFY_BINDADDRESS=0.0.0.0,:: OLEFY_BINDPORT=10055
# ok: v6lint.config.dockerfile-bind-ipv4-any
ENV REDIS_HOST=redis BIND_PORT=8080
