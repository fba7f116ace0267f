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
