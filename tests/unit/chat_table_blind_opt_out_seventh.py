"""Seventh BLIND set of WhatsApp opt-out / opt-in phrasings (Brazilian Portuguese).

Written 2026-12-06 by a helper who never saw the engine's rules nor earlier sets: replies to an
offer, everyday and indirect mixed, with near misses. Its texts are never read to tune the rules."""

from __future__ import annotations

__all__ = [
    "SEVENTH_OPT_IN",
    "SEVENTH_OPT_OUT",
]

# fmt: off
SEVENTH_OPT_OUT: list[tuple[str, bool]] = [
    ("me tira dessa lista pfv", True),
    ("hoje nao da nao amiga, mas continua me mandando as promo q uma hora eu aproveito", False),
    ("gente toda semana a mesma coisa 🙄 ja falei q quando eu quiser eu marco, para de me mandar isso", True),
    ("nao quero mais receber essas msg", True),
    ("saio do trabalho as 18h, tem horario depois disso?", False),
    ("Oi, aqui é a filha da Dona Marlene. Ela faleceu no mês passado. Peço por gentileza que não enviem mais mensagens para este número.", True),
    ("descadastra meu numero por favor", True),
    ("Eu me mudei pra Curitiba faz uns 6 meses, nao faz mais sentido eu continuar recebendo essas ofertas de vcs", True),
    ("para de mandar audio pfv q no trabalho nao consigo ouvir, me manda escrito. qto ta a escova?", False),
    ("esse numero nao é mais da Ana viu, troquei de chip e veio esse numero. parem de mandar essas coisas aqui", True),
    ("pode me remover da lista de transmissao de vcs", True),
    ("eu vou ai qdo EU quiser, nao precisa ficar insistindo toda hora nao", True),
    ("preciso cancelar meu horario de quinta, surgiu um imprevisto. consegue desmarcar?", False),
    ("Vou acionar o Procon se continuar recebendo esse spam", True),
    ("chega de propaganda pfvr 🙏🙏", True),
    ("nao precisa me ligar nao, prefiro q fale comigo so por aqui pelo zap msm", False),
    ("segundo a LGPD eu tenho direito de nao receber isso. exijo a exclusao dos meus dados do cadastro de vcs", True),
    ("quem te passou meu numero?? nunca autorizei nada disso", True),
    ("Paraaaa q maravilha 😍😍 quero simmm, reserva pra mim", False),
    ("nao me envie mais ofertas", True),
    ("Oi, tudo bem? Adoro o trabalho de vocês, mas estou numa fase de cortar gastos e essas ofertas só me dão vontade de gastar rs. Se puder, prefiro não receber mais esse tipo de mensagem. Quando eu precisar eu chamo vcs! Obrigada 💕", True),
    ("Please stop sending me these messages. Unsubscribe.", True),
    ("essa semana to enrolada, me avisa da proxima promocao q eu quero!!", False),
    ("por favor no me manden más promociones, gracias", True),
    ("3 msg so essa semana?? ta demais, nao quero receber mais nd", True),
    ("se mandar mais uma eu bloqueio", True),
    ("a escova q fiz semana passada nao durou nem 2 dias, to bem chateada com o resultado", False),
    ("pode excluir meu contato ai de vcs, obg", True),
    ("kkkk vcs nao cansam ne? me esquece, nao quero saber dessas promoçoes", True),
    ("JA DISSE Q NAO QUERO, PARA DE ME MANDAR OFERTA TODO MES", True),
    ("pode me colocar na lista de espera pra sexta? se alguem desmarcar me avisa", False),
    ("nao moro mais em SP, pode tirar meu contato da lista", True),
    ("Não sou cliente de vocês, nunca fui. Número errado, por favor parem de enviar", True),
    ("moça eu so fui ai uma vez, nao precisa ficar me mandando propaganda toda semana", True),
    ("recebi sim! quero, mas pode ser 15h em vez de 14h? saio do almoço as 14h30", False),
    ("ai que saco, todo dia isso. tira meu nome daí", True),
    ("Meu marido que usava esse numero pra marcar pra mim, mas a gente nao frequenta mais o salao. Pode parar de enviar as ofertas", True),
    ("nossa que honra receber a 15ª promoção do mês 🙃 que tal parar?", True),
    ("nao quero escova nao, queria hidratacao. tem desconto pra isso tb?", False),
    ("mudei de salão, nao quero mais essas mensagens", True),
    ("stop pls", True),
    ("EU JÁ PEDI PRA ME TIRAR DISSO, DE NOVO???", True),
    ("meu numero vai mudar semana q vem, anota o novo 11 98765-4321 pra eu continuar recebendo as promo", False),
    ("nao precisa mais me avisar de promocao nem de retorno de corte, obrigada", True),
    ("no thanks, and please take me off your list", True),
    ("tira meu nome da agenda de terça e passa pra quarta no mesmo horario, pode ser?", False),
    ("A Juliana faleceu em outubro. Favor retirar o contato dela da lista de vocês", True),
    ("to de repouso por causa da gravidez e sinceramente nao quero mais receber essas ofertas, me tira dai", True),
    ("a msg chegou cortada aqui, manda de novo? nao vi o preço", False),
    ("quero sair dessa lista de promoções", True),
    ("vcs mandam msg ate domingo 7h da manha?? me descadastra dessa porcaria", True),
    ("bloquear e denunciar vai ser a proxima opcao se eu receber mais uma dessas", True),
    ("pode remarcar meu corte pra semana q vem? essa nao vou conseguir sair cedo do serviço", False),
    ("remove meu número daí, não tenho interesse em nada", True),
    ("para de me mandar promoção", True),
]

SEVENTH_OPT_IN: list[str] = [
    "oi, pedi pra sair da lista mas me arrependi kkk pode voltar a mandar as promoções",
    "quero receber as ofertas de vcs de novo",
    "me coloca de volta na lista de promo pfv",
    "Voltei pra cidade! Pode me mandar as novidades e promoções de novo 😊",
    "pode me cadastrar pra receber os descontos de vcs?",
    "minha amiga recebe as promoçoes de vcs e eu nao, me add tb",
    "quero voltar a receber as msg de oferta",
    "Oi! Eu tinha cancelado o recebimento das mensagens, mas gostaria de voltar a receber as promoções, por favor.",
    "reativa ai meu cadastro nas promoções",
    "pode voltar a me mandar os descontos, to sentindo falta kkk",
    "me inclui na lista de transmissão de vcs",
    "aceito receber promoções sim, pode mandar",
    "I'd like to receive your offers again please",
    "desbloqueei vcs, pode mandar as ofertas de novo",
    "AGORA PODE MANDAR AS PROMO DE NOVO, ja to com grana kkkk",
]
# fmt: on
